package cn.govcloud.request;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import cn.govcloud.shared.web.ListParameters;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Resource applications",
		description = "Units apply for cloud resources; the Commission reviews (Art. 6, 8)")
class ApplicationApi {

	private static final String SORT = ListParameters.SORT
			+ "number, unitName, systemName, type, status, submittedAt, createdAt.";

	private final ResourceApplications applications;

	private final Reviews reviews;

	private final Allocations allocations;

	private final DataScopes scopes;

	ApplicationApi(ResourceApplications applications, Reviews reviews, Allocations allocations, DataScopes scopes) {
		this.applications = applications;
		this.reviews = reviews;
		this.allocations = allocations;
		this.scopes = scopes;
	}

	@GetMapping("/applications")
	@Allowed(Permission.READ_APPLICATIONS)
	@Operation(summary = "Applications in the caller's scope; status=SUBMITTED is the review queue, oldest first")
	Page<ResourceApplication> search(@RequestParam(required = false) ApplicationStatus status,
			@RequestParam(required = false) UUID systemId, @RequestParam(required = false) UUID unitId,
			@RequestParam(required = false) String q,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.applications.search(this.scopes.current(), new ApplicationFilter(status, systemId, unitId, q), sort,
				page, size);
	}

	@GetMapping("/applications/{id}")
	@Allowed(Permission.READ_APPLICATIONS)
	@Operation(summary = "One application with its lines, requested and approved side by side")
	ResourceApplication get(@PathVariable UUID id) {
		return this.applications.find(this.scopes.current(), id);
	}

	@PostMapping("/applications")
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.APPLY_FOR_RESOURCES)
	@Operation(
			summary = "Draft an application for one of the caller's unit's systems (a change application when it already holds resources)")
	ResourceApplication draft(@RequestBody ApplicationDraft draft) {
		return this.applications.draft(this.scopes.current(), draft);
	}

	@PutMapping("/applications/{id}")
	@Allowed(Permission.APPLY_FOR_RESOURCES)
	@Operation(summary = "Replace a draft's or a returned application's content")
	ResourceApplication revise(@PathVariable UUID id, @RequestBody ApplicationDraft draft) {
		return this.applications.revise(this.scopes.current(), id, draft);
	}

	@PostMapping("/applications/{id}/submit")
	@Allowed(Permission.APPLY_FOR_RESOURCES)
	@Operation(summary = "Submit or resubmit; a change that only gives resources back is approved at once")
	ResourceApplication submit(@PathVariable UUID id) {
		return this.applications.submit(this.scopes.current(), id);
	}

	@PostMapping("/applications/{id}/withdraw")
	@Allowed(Permission.APPLY_FOR_RESOURCES)
	@Operation(summary = "Withdraw before a decision")
	ResourceApplication withdraw(@PathVariable UUID id) {
		return this.applications.withdraw(this.scopes.current(), id);
	}

	@PostMapping("/applications/{id}/decision")
	@Allowed(Permission.REVIEW_APPLICATIONS)
	@Operation(
			summary = "Decide (Commission reviewer): APPROVED, APPROVED_WITH_CUTS (with cuts), RETURNED or REJECTED (with a reason)")
	ResourceApplication decide(@PathVariable UUID id, @RequestBody DecisionForm decision) {
		return this.reviews.decide(this.scopes.current(), id, decision);
	}

	@GetMapping("/applications/{id}/revisions")
	@Allowed(Permission.READ_APPLICATIONS)
	@Operation(summary = "Every submitted version")
	List<Revision> revisions(@PathVariable UUID id) {
		return this.applications.revisions(this.scopes.current(), id);
	}

	@GetMapping("/applications/{id}/history")
	@Allowed(Permission.READ_APPLICATIONS)
	@Operation(summary = "Who did what and when, with reasons")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return this.applications.history(this.scopes.current(), id);
	}

	@GetMapping("/allocations")
	@Allowed(Permission.READ_APPLICATIONS)
	@Operation(summary = "Approved resources net of decreases, per system, in the caller's scope")
	List<AllocatedResource> allocations(@RequestParam(required = false) UUID unitId,
			@RequestParam(required = false) UUID systemId) {
		return this.allocations.search(this.scopes.current(), unitId, systemId);
	}

	@GetMapping("/allocations/by-kind")
	@Allowed(Permission.READ_APPLICATIONS)
	@Operation(summary = "Approved resources per kind (the whole city for the Commission)")
	List<KindTotal> byKind() {
		return this.allocations.byKind(this.scopes.current());
	}

}
