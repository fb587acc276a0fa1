package cn.govcloud.inventory;

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
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/v1/work-orders")
@Tag(name = "Work orders", description = "Provisioning work orders: instances recorded by the supplier, "
		+ "accepted by the unit (Art. 4); reclaim work orders: instances reclaimed with their dates (Art. 9)")
class WorkOrderApi {

	private static final String SORT = ListParameters.SORT
			+ "contractNumber, kind, unitName, supplierName, systemName, createdAt, status.";

	private final WorkOrders orders;

	private final Reclaims reclaims;

	private final DataScopes scopes;

	private final ResizeOrders resizes;

	WorkOrderApi(WorkOrders orders, Reclaims reclaims, DataScopes scopes, ResizeOrders resizes) {
		this.resizes = resizes;
		this.orders = orders;
		this.reclaims = reclaims;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_CONTRACTS_AND_INVENTORY)
	@Operation(summary = "Work orders the caller is party to: the supplier's queue, the unit's acceptances")
	Page<WorkOrderSummary> search(@RequestParam(required = false) WorkOrderStatus status,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.orders.search(this.scopes.current(), status, sort, page, size);
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_CONTRACTS_AND_INVENTORY)
	@Operation(summary = "One work order with its lines, limits and recorded instances")
	WorkOrder get(@PathVariable UUID id) {
		return this.orders.find(this.scopes.current(), id);
	}

	@PostMapping("/{id}/lines/{lineId}/instances")
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.PROVISION)
	@Operation(summary = "Record an opened instance against an order line (never more, nor bigger, than approved)")
	Instance record(@PathVariable UUID id, @PathVariable UUID lineId, @RequestBody InstanceForm form) {
		return this.orders.record(this.scopes.current(), id, lineId, form);
	}

	@PutMapping("/instances/{instanceId}")
	@Allowed(Permission.PROVISION)
	@Operation(summary = "Correct an instance while its order is open")
	Instance edit(@PathVariable UUID instanceId, @RequestBody InstanceForm form) {
		return this.orders.edit(this.scopes.current(), instanceId, form);
	}

	@DeleteMapping("/instances/{instanceId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Allowed(Permission.PROVISION)
	@Operation(summary = "Remove an instance recorded by mistake while its order is open")
	void remove(@PathVariable UUID instanceId) {
		this.orders.remove(this.scopes.current(), instanceId);
	}

	@PostMapping("/instances/{instanceId}/reclaim")
	@Allowed(Permission.PROVISION)
	@Operation(summary = "Reclaim an instance of a reclaim order on its reclaim date (its last billed day); "
			+ "the last reclaim completes the order and ends the contract lines")
	Instance reclaim(@PathVariable UUID instanceId, @RequestBody ReclaimForm form) {
		return this.reclaims.reclaim(this.scopes.current(), instanceId, form);
	}

	@PostMapping("/{id}/resized")
	@Allowed(Permission.PROVISION)
	@Operation(summary = "The supplier has resized the instances of a resize order (a release order, Art. 8) to "
			+ "their new spec; 409 if the order is no longer open")
	WorkOrder resized(@PathVariable UUID id) {
		this.resizes.resized(this.scopes.current(), id);
		return this.orders.find(this.scopes.current(), id);
	}

	@PostMapping("/{id}/complete")
	@Allowed(Permission.PROVISION)
	@Operation(summary = "The supplier completes the order; it waits for the unit's acceptance")
	WorkOrder complete(@PathVariable UUID id) {
		return this.orders.complete(this.scopes.current(), id);
	}

	@PostMapping("/{id}/accept")
	@Allowed(Permission.ACCEPT_DELIVERY)
	@Operation(summary = "The unit accepts a completed order; its instances are billed from today")
	WorkOrder accept(@PathVariable UUID id) {
		return this.orders.accept(this.scopes.current(), id);
	}

	@PostMapping("/{id}/reject")
	@Allowed(Permission.ACCEPT_DELIVERY)
	@Operation(summary = "The unit rejects a completed order with a reason; it reopens for the supplier")
	WorkOrder reject(@PathVariable UUID id, @RequestBody RejectForm form) {
		return this.orders.reject(this.scopes.current(), id, form);
	}

}
