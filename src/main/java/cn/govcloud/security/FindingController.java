package cn.govcloud.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.AttachedFiles.StoredFile;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FileDownloads;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.shared.web.PostRedirect;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Findings and their rectification (Art. 14): the open findings by severity and overdue
 * per unit and for the city, the list by unit and system, and a finding with its
 * evidence, the responsible party's response and the Commission's verification.
 */
@Controller
@RequestMapping("/findings")
class FindingController {

	private final Findings findings;

	private final FindingEvidence evidence;

	private final DataScopes scopes;

	private final PostRedirect post;

	FindingController(Findings findings, FindingEvidence evidence, DataScopes scopes, PostRedirect post) {
		this.findings = findings;
		this.evidence = evidence;
		this.scopes = scopes;
		this.post = post;
	}

	@GetMapping
	@Allowed(Permission.READ_INSPECTIONS)
	String list(@RequestParam(required = false) FindingSeverity severity,
			@RequestParam(required = false) FindingStatus status, @RequestParam(required = false) Boolean open,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) UUID unitId,
			@RequestParam(required = false) UUID systemId, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		DataScope scope = this.scopes.current();
		FindingFilter filter = new FindingFilter(severity, status, open, overdue, unitId, systemId, null);
		model.addAttribute("filter", filter);
		model.addAttribute("severities", FindingSeverity.values());
		model.addAttribute("statuses", FindingStatus.values());
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("severity", (severity != null) ? severity : "");
		filters.put("status", (status != null) ? status : "");
		filters.put("open", (open != null) ? open : "");
		filters.put("overdue", (overdue != null) ? overdue : "");
		filters.put("unitId", (unitId != null) ? unitId : "");
		filters.put("systemId", (systemId != null) ? systemId : "");
		PageLinks.list(model, "/findings", filters, this.findings.search(scope, filter, sort, page, 20));
		if (htmx != null) {
			return "security/findings :: result";
		}
		List<FindingTally> tallies = this.findings.tallies(scope);
		model.addAttribute("tallies", tallies);
		model.addAttribute("city",
				new FindingTally(null, null, tallies.stream().mapToLong(FindingTally::high).sum(),
						tallies.stream().mapToLong(FindingTally::medium).sum(),
						tallies.stream().mapToLong(FindingTally::low).sum(),
						tallies.stream().mapToLong(FindingTally::overdue).sum()));
		return "security/findings";
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_INSPECTIONS)
	String show(@PathVariable UUID id, Model model) {
		DataScope scope = this.scopes.current();
		Finding finding = this.findings.find(scope, id);
		model.addAttribute("f", finding);
		model.addAttribute("overdue", finding.overdue(cn.govcloud.shared.CityTime.today()));
		model.addAttribute("mayRespond", this.findings.mayRespond(scope, finding));
		model.addAttribute("mayVerify", this.findings.mayVerify(scope));
		model.addAttribute("evidence", this.evidence.list(scope, id));
		model.addAttribute("history", this.findings.history(scope, id));
		return "security/finding";
	}

	@PostMapping("/{id}/{step:respond|verify|return}")
	@Allowed(Permission.READ_INSPECTIONS)
	String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		DataScope scope = this.scopes.current();
		return this.post.after("/findings/" + id, redirect, () -> {
			switch (step) {
				case "respond" -> this.findings.respond(scope, id, text);
				case "verify" -> this.findings.verify(scope, id);
				default -> this.findings.giveBack(scope, id, text);
			}
		});
	}

	@PostMapping("/{id}/evidence")
	@Allowed(Permission.READ_INSPECTIONS)
	String attach(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		byte[] content = (file != null) ? file.getBytes() : null;
		String name = (file != null) ? file.getOriginalFilename() : null;
		return this.post.after("/findings/" + id, redirect,
				() -> this.evidence.attach(this.scopes.current(), id, name, content));
	}

	@GetMapping("/{id}/evidence/{evidenceId}")
	@Allowed(Permission.READ_INSPECTIONS)
	ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID evidenceId) {
		StoredFile stored = this.evidence.content(this.scopes.current(), id, evidenceId)
			.orElseThrow(() -> new NotFoundException("evidence", evidenceId));
		return FileDownloads.of(stored);
	}

}
