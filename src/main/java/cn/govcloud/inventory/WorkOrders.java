package cn.govcloud.inventory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provisioning work orders (Art. 4): the supplier records the instances it opened against
 * the order's lines and completes the order; the unit accepts (billing starts that day)
 * or rejects with a reason, which reopens it. Every change locks the order, so the limits
 * hold when two operators record at once.
 */
@Service
class WorkOrders {

	private final WorkOrderRepository repository;

	private final InstanceRows instances;

	private final InstanceCheck check;

	private final AuditTrail audit;

	private final Inbox inbox;

	private final ApplicationEventPublisher events;

	WorkOrders(WorkOrderRepository repository, InstanceRows instances, InstanceCheck check, AuditTrail audit,
			Inbox inbox, ApplicationEventPublisher events) {
		this.repository = repository;
		this.instances = instances;
		this.check = check;
		this.audit = audit;
		this.inbox = inbox;
		this.events = events;
	}

	public WorkOrder find(DataScope scope, UUID id) {
		return this.repository.find(scope, id, false).orElseThrow(() -> new NotFoundException("work order", id));
	}

	/**
	 * Work orders in {@code sort}'s order ({@code field,asc|desc}; null: newest first).
	 * @throws InvalidInputException naming {@code sort} for a field the list cannot sort
	 * by
	 */
	public Page<WorkOrderSummary> search(DataScope scope, WorkOrderStatus status, String sort, int page, int size) {
		Page.Request request = Page.request(page, size, WorkOrderRepository.SORTABLE.parse(sort));
		return request.of(this.repository.search(scope, status, WorkOrderRepository.SORTABLE.orderBy(request.order()),
				request.offset(), request.size()), this.repository.count(scope, status));
	}

	/**
	 * The supplier records one instance; never more than the line allows (Art. 4).
	 * @throws ConflictException when the line is full: all its instances are recorded (by
	 * this operator or by another one at the same moment; the order's row lock lets one
	 * of two take the last place)
	 */
	@Transactional
	public Instance record(DataScope scope, UUID orderId, UUID lineId, InstanceForm form) {
		WorkOrder order = open(scope, orderId);
		WorkOrderLine line = order.lines()
			.stream()
			.filter((l) -> l.id().equals(lineId))
			.findFirst()
			.orElseThrow(() -> InvalidInputException.of("lineId", "workOrder.line.unknown"));
		if (line.instances().size() >= line.allowed()) {
			throw new ConflictException("workOrder.line.full", line.allowed());
		}
		UUID id = UUID.randomUUID();
		InstanceCheck.Checked checked = checked(form, line, order.supplierId(), id);
		save(() -> this.instances.insert(id, order, line, checked, now()));
		this.audit.record("instance.record", "instance:" + id + " " + checked.cloudInstanceId(), AuditOutcome.SUCCESS);
		this.events.publishEvent(new InstancesChanged(order.supplierId()));
		return instance(scope, orderId, id);
	}

	/** Corrects an instance while its order is open. */
	@Transactional
	public Instance edit(DataScope scope, UUID instanceId, InstanceForm form) {
		WorkOrder order = openOrderOf(scope, instanceId);
		WorkOrderLine line = lineOf(order, instanceId);
		InstanceCheck.Checked checked = checked(form, line, order.supplierId(), instanceId);
		save(() -> this.instances.update(instanceId, order.supplierId(), checked));
		this.audit.record("instance.edit", "instance:" + instanceId, AuditOutcome.SUCCESS);
		this.events.publishEvent(new InstancesChanged(order.supplierId()));
		return instance(scope, order.id(), instanceId);
	}

	/** Removes an instance recorded by mistake while its order is open. */
	@Transactional
	public void remove(DataScope scope, UUID instanceId) {
		WorkOrder order = openOrderOf(scope, instanceId);
		this.instances.delete(instanceId);
		this.audit.record("instance.remove", "instance:" + instanceId, AuditOutcome.SUCCESS);
		this.events.publishEvent(new InstancesChanged(order.supplierId()));
	}

	/** The supplier says everything is open and waits for the unit's acceptance. */
	@Transactional
	public WorkOrder complete(DataScope scope, UUID id) {
		WorkOrder order = open(scope, id);
		if (order.lines().stream().allMatch((line) -> line.instances().isEmpty())) {
			throw InvalidInputException.of("lines", "workOrder.empty");
		}
		this.repository.complete(id, now());
		this.audit.record("workOrder.complete", "workOrder:" + id, AuditOutcome.SUCCESS);
		this.inbox.notifyRole(order.unitId(), Role.UNIT_ADMIN,
				Notice.of(NoticeCategory.TASK, "notice.workOrder.completed", order.contractNumber(), order.systemName())
					.linkingTo("/work-orders/" + id));
		return find(scope, id);
	}

	/**
	 * The unit accepts what was opened: its instances become active and billed from
	 * today, in city time (Art. 4). Of two decisions at once, one wins.
	 */
	@Transactional
	public WorkOrder accept(DataScope scope, UUID id) {
		WorkOrder order = decidable(scope, id);
		if (this.repository.decide(id, WorkOrderStatus.ACCEPTED, null, scope.principal().userId(), now()) == 0) {
			throw notDecidable(find(scope, id));
		}
		this.repository.activate(id, CityTime.today());
		this.audit.record("workOrder.accept", "workOrder:" + id, AuditOutcome.SUCCESS);
		return find(scope, order.id());
	}

	/**
	 * The unit sends the order back with its reason; the supplier corrects and completes
	 * again.
	 */
	@Transactional
	public WorkOrder reject(DataScope scope, UUID id, RejectForm form) {
		String reason = (form != null && form.reason() != null) ? form.reason().strip() : "";
		if (reason.isEmpty() || reason.length() > 2000) {
			throw InvalidInputException.of("reason", "error.field.size", 1, 2000);
		}
		WorkOrder order = decidable(scope, id);
		if (this.repository.decide(id, WorkOrderStatus.OPEN, reason, scope.principal().userId(), now()) == 0) {
			throw notDecidable(find(scope, id));
		}
		this.audit.record("workOrder.reject", "workOrder:" + id, AuditOutcome.SUCCESS, reason);
		this.inbox.notifyRole(order.supplierId(), Role.SUPPLIER_OPERATOR,
				Notice.of(NoticeCategory.TASK, "notice.workOrder.rejected", order.contractNumber(), reason)
					.linkingTo("/work-orders/" + id));
		return find(scope, id);
	}

	private WorkOrder decidable(DataScope scope, UUID id) {
		WorkOrder order = find(scope, id);
		if (scope.principal().organizationKind() != OrganizationKind.UNIT || !scope.canWrite(order.unitId())) {
			throw new NotFoundException("work order", id);
		}
		if (order.kind() != WorkOrderKind.PROVISION || order.status() != WorkOrderStatus.COMPLETED) {
			throw notDecidable(order);
		}
		return order;
	}

	private static RuntimeException notDecidable(WorkOrder order) {
		if (order.status() == WorkOrderStatus.OPEN) {
			return InvalidInputException.of("status", "workOrder.notCompleted");
		}
		return new ConflictException("workOrder.alreadyDecided", order.status());
	}

	/** The supplier's own order, locked, while it is open. */
	private WorkOrder open(DataScope scope, UUID id) {
		WorkOrder order = this.repository.find(scope, id, true)
			.filter((o) -> scope.principal().organizationId().equals(o.supplierId()))
			.orElseThrow(() -> new NotFoundException("work order", id));
		if (order.kind() != WorkOrderKind.PROVISION || order.status() != WorkOrderStatus.OPEN) {
			throw new ConflictException("workOrder.notOpen", order.status());
		}
		return order;
	}

	private WorkOrder openOrderOf(DataScope scope, UUID instanceId) {
		UUID orderId = this.instances.orderOf(instanceId)
			.orElseThrow(() -> new NotFoundException("instance", instanceId));
		try {
			return open(scope, orderId);
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("instance", instanceId);
		}
	}

	private static WorkOrderLine lineOf(WorkOrder order, UUID instanceId) {
		return order.lines()
			.stream()
			.filter((line) -> line.instances().stream().anyMatch((i) -> i.id().equals(instanceId)))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("instance", instanceId));
	}

	private InstanceCheck.Checked checked(InstanceForm form, WorkOrderLine line, UUID supplierId, UUID self) {
		InstanceCheck.Checked checked = this.check.check(form, line.kind(), line.approvedSpec());
		if (this.instances.cloudIdTaken(supplierId, checked.cloudInstanceId(), self)) {
			throw InvalidInputException.of("cloudInstanceId", "instance.cloudId.taken", checked.cloudInstanceId());
		}
		List<String> addresses = checked.addresses();
		for (int i = 0; i < addresses.size(); i++) {
			if (this.instances.addressTaken(supplierId, addresses.get(i), self)) {
				throw InvalidInputException.of("ipAddresses[" + i + "]", "instance.address.taken", addresses.get(i));
			}
		}
		return checked;
	}

	/** A duplicate that slipped past the checks in a race still gets its message. */
	private static void save(Runnable write) {
		try {
			write.run();
		}
		catch (DuplicateKeyException ex) {
			String message = String.valueOf(ex.getMessage());
			if (message.contains("instance_address_unique")) {
				throw InvalidInputException.of("ipAddresses", "instance.address.taken", "");
			}
			throw InvalidInputException.of("cloudInstanceId", "instance.cloudId.taken", "");
		}
	}

	private Instance instance(DataScope scope, UUID orderId, UUID instanceId) {
		return find(scope, orderId).lines()
			.stream()
			.flatMap((line) -> line.instances().stream())
			.filter((i) -> i.id().equals(instanceId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("instance", instanceId));
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
