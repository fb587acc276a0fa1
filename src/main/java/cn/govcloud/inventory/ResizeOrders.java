package cn.govcloud.inventory;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resize orders (Art. 8: surplus released according to actual usage): a standing release
 * order asks the contract's supplier to resize named active instances to a new spec. The
 * contract was amended from the order's effective date already, so the supplier's
 * "resized" changes the instances' spec and completes the order, nothing else. Once per
 * contract version.
 */
@Service
public class ResizeOrders {

	private final JdbcClient jdbc;

	private final Specs specs;

	private final ReclaimRepository reclaims;

	private final WorkOrderRepository orders;

	private final AuditTrail audit;

	private final Inbox inbox;

	private final ApplicationEventPublisher events;

	ResizeOrders(JdbcClient jdbc, Specs specs, ReclaimRepository reclaims, WorkOrderRepository orders, AuditTrail audit,
			Inbox inbox, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.specs = specs;
		this.reclaims = reclaims;
		this.orders = orders;
		this.audit = audit;
		this.inbox = inbox;
		this.events = events;
	}

	/**
	 * Opens a resize order of a contract version for these instances and their new specs;
	 * tells the supplier's operators.
	 * @return the order, unless that version already has one (or there is nothing to
	 * resize)
	 */
	@Transactional
	public Optional<UUID> open(UUID contractId, int version, Map<UUID, Map<String, Object>> newSpecs, String number) {
		UUID orderId = UUID.randomUUID();
		if (newSpecs.isEmpty() || !this.reclaims.insertOrder(orderId, WorkOrderKind.RESIZE, null, contractId, version,
				Instant.now().truncatedTo(ChronoUnit.MICROS))) {
			return Optional.empty();
		}
		newSpecs.forEach((instanceId, spec) -> this.jdbc.sql("""
				INSERT INTO work_order_resize (work_order_id, instance_id, from_spec, to_spec)
				SELECT :order, i.id, i.spec, CAST(:spec AS jsonb) FROM instance i WHERE i.id = :instance
				""")
			.param("order", orderId)
			.param("instance", instanceId)
			.param("spec", this.specs.write(spec))
			.update());
		this.audit.record("workOrder.resize.open", "workOrder:" + orderId, AuditOutcome.SUCCESS,
				number + ", " + newSpecs.size() + " instances");
		this.inbox.notifyRole(this.reclaims.supplierOf(orderId), Role.SUPPLIER_OPERATOR,
				Notice.of(NoticeCategory.TASK, "notice.workOrder.resize", number).linkingTo("/work-orders/" + orderId));
		return Optional.of(orderId);
	}

	/** The day a work order was completed, if it was (any kind). */
	public Optional<LocalDate> completedOn(UUID workOrderId) {
		return this.jdbc.sql("SELECT completed_at FROM work_order WHERE id = :id AND completed_at IS NOT NULL")
			.param("id", workOrderId)
			.query(Timestamp.class)
			.optional()
			.map((at) -> LocalDate.ofInstant(at.toInstant(), CityTime.ZONE));
	}

	/** The new spec of each instance of a resize order, by instance. */
	Map<UUID, Map<String, Object>> newSpecs(UUID workOrderId) {
		Map<UUID, Map<String, Object>> specs = new LinkedHashMap<>();
		this.jdbc.sql("SELECT instance_id, to_spec::text FROM work_order_resize WHERE work_order_id = :id")
			.param("id", workOrderId)
			.query((rs) -> {
				specs.put(rs.getObject(1, UUID.class), this.specs.read(rs.getString(2)));
			});
		return specs;
	}

	/**
	 * The supplier has resized the instances of its own open resize order: their spec is
	 * the new one from today (city time) and the order is completed. Of two at once, one
	 * completes it, the other is told it is no longer open.
	 */
	@Transactional
	public void resized(DataScope scope, UUID workOrderId) {
		WorkOrder order = this.orders.find(scope, workOrderId, true)
			.filter((o) -> scope.principal().organizationId().equals(o.supplierId()))
			.orElseThrow(() -> new NotFoundException("work order", workOrderId));
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		int completed = this.jdbc.sql("""
				UPDATE work_order SET status = 'COMPLETED', completed_at = :at
				WHERE id = :id AND kind = 'RESIZE' AND status = 'OPEN'
				""").param("id", workOrderId).param("at", Timestamp.from(now)).update();
		if (completed == 0) {
			throw new ConflictException("workOrder.notOpen", order.status());
		}
		this.jdbc.sql("""
				UPDATE instance i SET spec = r.to_spec FROM work_order_resize r
				WHERE r.work_order_id = :id AND r.instance_id = i.id AND i.state = 'ACTIVE'
				""").param("id", workOrderId).update();
		this.jdbc.sql("UPDATE work_order_resize SET resized_on = :on WHERE work_order_id = :id")
			.param("id", workOrderId)
			.param("on", Date.valueOf(CityTime.today()))
			.update();
		this.audit.record("workOrder.resize.complete", "workOrder:" + workOrderId, AuditOutcome.SUCCESS);
		this.events.publishEvent(new InstancesChanged(order.supplierId()));
	}

}
