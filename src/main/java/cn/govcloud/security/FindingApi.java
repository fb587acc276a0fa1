package cn.govcloud.security;

import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.AttachedFiles.AttachedFile;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.ListParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading findings of security inspections and their rectification (Art. 14). */
@RestController
@RequestMapping("/api/v1/findings")
@Tag(name = "Findings", description = "Findings of security inspections and their rectification (Art. 14)")
class FindingApi {

	private static final String SORT = ListParameters.SORT
			+ "number, severity, systemName, unitName, deadline, status.";

	private final Findings findings;

	private final FindingEvidence evidence;

	private final DataScopes scopes;

	FindingApi(Findings findings, FindingEvidence evidence, DataScopes scopes) {
		this.findings = findings;
		this.evidence = evidence;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_INSPECTIONS)
	@Operation(summary = "Findings in the caller's scope, gravest first then by deadline unless sorted; "
			+ "open=true leaves out closed ones, overdue=true keeps those past their deadline; size at most 200")
	Page<FindingRow> list(@RequestParam(required = false) FindingSeverity severity,
			@RequestParam(required = false) FindingStatus status, @RequestParam(required = false) Boolean open,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) UUID unitId,
			@RequestParam(required = false) UUID systemId,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.findings.search(this.scopes.current(),
				new FindingFilter(severity, status, open, overdue, unitId, systemId, null), sort, page, size);
	}

	@GetMapping("/tallies")
	@Allowed(Permission.READ_INSPECTIONS)
	@Operation(summary = "Open findings per unit in the caller's scope by severity, and how many are overdue")
	List<FindingTally> tallies() {
		return this.findings.tallies(this.scopes.current());
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_INSPECTIONS)
	@Operation(summary = "A finding with its evidence and history")
	FindingView get(@PathVariable UUID id) {
		DataScope scope = this.scopes.current();
		Finding finding = this.findings.find(scope, id);
		return new FindingView(finding, finding.overdue(CityTime.today()), this.evidence.list(scope, id),
				this.findings.history(scope, id));
	}

	/** A finding as the API shows it. */
	record FindingView(Finding finding, boolean overdue, List<AttachedFile> evidence, List<GrantEntry> history) {
	}

}
