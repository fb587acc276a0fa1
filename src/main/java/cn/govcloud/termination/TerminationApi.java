package cn.govcloud.termination;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import io.swagger.v3.oas.annotations.Parameter;
import cn.govcloud.shared.web.ListParameters;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/terminations")
@Tag(name = "Terminations", description = "Termination applications and the Commission's decisions (Art. 9)")
class TerminationApi {

	private static final String SORT = ListParameters.SORT
			+ "number, unitName, systemName, wholeSystem, submittedAt, status.";

	private final Terminations terminations;

	private final TerminationReviews reviews;

	private final DataScopes scopes;

	TerminationApi(Terminations terminations, TerminationReviews reviews, DataScopes scopes) {
		this.terminations = terminations;
		this.reviews = reviews;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_TERMINATIONS)
	@Operation(summary = "Termination applications in the caller's scope; the Commission's queue with status=SUBMITTED")
	Page<Termination> search(@RequestParam(required = false) TerminationStatus status,
			@RequestParam(required = false) UUID systemId,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.terminations.search(this.scopes.current(), status, systemId, sort, page, size);
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_TERMINATIONS)
	@Operation(summary = "One termination application")
	Termination get(@PathVariable UUID id) {
		return this.terminations.find(this.scopes.current(), id);
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.APPLY_FOR_TERMINATION)
	@Operation(summary = "Apply to terminate a system (wholeSystem=true) or selected instances (instanceIds), "
			+ "with the checklist and the backup evidence as the part 'file'")
	Termination apply(@RequestParam(required = false) UUID systemId,
			@RequestParam(required = false) Boolean wholeSystem, @RequestParam(required = false) List<UUID> instanceIds,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate offlineOn,
			@RequestParam(required = false) DataHandling dataHandling,
			@RequestParam(required = false) String dataLocation,
			@RequestParam(required = false) OpenApplications openApplications,
			@RequestParam(required = false) String note, @RequestParam(required = false) MultipartFile file)
			throws IOException {
		TerminationForm form = new TerminationForm(systemId, wholeSystem, instanceIds, offlineOn, dataHandling,
				dataLocation, openApplications, note);
		return this.terminations.apply(this.scopes.current(), form, (file != null) ? file.getOriginalFilename() : null,
				(file != null) ? file.getBytes() : null);
	}

	@PostMapping("/{id}/decision")
	@Allowed(Permission.REVIEW_TERMINATIONS)
	@Operation(summary = "Approve (reclaim work orders open) or return with a reason; one decision wins, "
			+ "a later one gets 409 naming who decided")
	Termination decide(@PathVariable UUID id, @RequestBody DecisionForm form) {
		return this.reviews.decide(this.scopes.current(), id, form);
	}

}
