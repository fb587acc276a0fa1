package cn.govcloud.rightsizing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.ListParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rightsizing/orders")
@Tag(name = "Rightsizing", description = "Recommendations from measured utilisation and their evidence (Art. 8)")
class ReleaseOrderApi {

	private static final String SORT = ListParameters.SORT
			+ "number, status, issuedAt, objectionDue, effectiveOn, monthlySaving.";

	private final ReleaseOrders orders;

	private final ReleaseOrderDecisions decisions;

	private final DataScopes scopes;

	ReleaseOrderApi(ReleaseOrders orders, ReleaseOrderDecisions decisions, DataScopes scopes) {
		this.orders = orders;
		this.decisions = decisions;
		this.scopes = scopes;
	}

	/** Recommendations of one unit to order. */
	record IssueForm(List<UUID> recommendationIds) {
	}

	/** An objection's reason. */
	record ObjectionForm(String reason) {
	}

	/**
	 * The Commission's decision on an objection; {@code lines} by position: new
	 * {@code vcpu} and {@code memoryGib} of a modification.
	 */
	record DecisionForm(OrderStatus decision, String reason, Map<Integer, Map<String, Long>> lines) {
	}

	@GetMapping
	@Allowed(Permission.READ_RIGHTSIZING)
	@Operation(summary = "The release orders in the caller's scope (a unit: its own), of one status when given, "
			+ "newest first unless sorted; size at most 200 (capped)")
	Page<ReleaseOrder> list(@RequestParam(required = false) OrderStatus status,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.orders.search(this.scopes.current(), status, sort, page, size);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.MANAGE_RIGHTSIZING)
	@Operation(summary = "Issue a release order of recommendations of one unit (Art. 8)")
	ReleaseOrder issue(@RequestBody IssueForm form) {
		return this.orders.issue(this.scopes.current(), (form != null) ? form.recommendationIds() : null);
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_RIGHTSIZING)
	@Operation(summary = "One release order with its lines")
	ReleaseOrder get(@PathVariable UUID id) {
		return this.orders.find(this.scopes.current(), id);
	}

	@PostMapping("/{id}/accept")
	@Allowed(Permission.ANSWER_RELEASE_ORDERS)
	@Operation(summary = "The unit accepts the order within the objection period; 409 if already answered")
	ReleaseOrder accept(@PathVariable UUID id) {
		return this.decisions.accept(this.scopes.current(), id);
	}

	@PostMapping("/{id}/objection")
	@Allowed(Permission.ANSWER_RELEASE_ORDERS)
	@Operation(summary = "The unit objects within the objection period, with a reason; 409 if already answered")
	ReleaseOrder object(@PathVariable UUID id, @RequestBody ObjectionForm form) {
		return this.decisions.object(this.scopes.current(), id, (form != null) ? form.reason() : null, null, null);
	}

	@PostMapping("/{id}/decision")
	@Allowed(Permission.MANAGE_RIGHTSIZING)
	@Operation(summary = "The Commission upholds, modifies or withdraws an objected order; 409 to the later of two")
	ReleaseOrder decide(@PathVariable UUID id, @RequestBody DecisionForm form) {
		if (form == null || form.decision() == null) {
			throw cn.govcloud.shared.InvalidInputException.of("decision", "rightsizing.decision.invalid");
		}
		return this.decisions.decide(this.scopes.current(), id, form.decision(), form.reason(), form.lines());
	}

}
