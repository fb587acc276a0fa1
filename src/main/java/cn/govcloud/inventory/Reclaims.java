package cn.govcloud.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supplier reclaims the instances of a reclaim order (Art. 9), each with its reclaim
 * date: not before the order was opened (the termination's approval), the instance's
 * acceptance or, for an amendment's order, the last day the amendment still bills; not
 * after today in city time. The reclaim date is the instance's last billed day. The last
 * reclaim completes the order, which ends the contract lines and, when nothing is left,
 * takes the system offline.
 */
@Service
class Reclaims {

	private final ReclaimRepository repository;

	private final WorkOrderRepository orders;

	private final ReclaimCompletion completion;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	Reclaims(ReclaimRepository repository, WorkOrderRepository orders, ReclaimCompletion completion, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.repository = repository;
		this.orders = orders;
		this.completion = completion;
		this.audit = audit;
		this.events = events;
	}

	@Transactional
	public Instance reclaim(DataScope scope, UUID instanceId, ReclaimForm form) {
		UUID orderId = this.repository.reclaimOrderOf(instanceId)
			.orElseThrow(() -> new NotFoundException("instance", instanceId));
		WorkOrder order = this.orders.find(scope, orderId, true)
			.filter((o) -> scope.principal().organizationId().equals(o.supplierId()))
			.orElseThrow(() -> new NotFoundException("instance", instanceId));
		Instance instance = instance(order, instanceId);
		if (instance.state() == InstanceState.RECLAIMED) {
			throw InvalidInputException.of("instanceId", "instance.reclaim.already", instance.reclaimedOn());
		}
		LocalDate on = (form != null) ? form.reclaimedOn() : null;
		checkDate(order, instance, on);
		this.repository.reclaim(instanceId, on);
		this.audit.record("instance.reclaim", "instance:" + instanceId + " " + instance.cloudInstanceId(),
				AuditOutcome.SUCCESS, on.toString());
		this.events.publishEvent(new InstancesChanged(order.supplierId()));
		if (this.repository.completeIfDone(orderId, Instant.now().truncatedTo(ChronoUnit.MICROS))) {
			this.completion.complete(order, scope.principal().userId());
		}
		return instance(this.orders.find(scope, orderId, false).orElseThrow(), instanceId);
	}

	private void checkDate(WorkOrder order, Instance instance, LocalDate on) {
		if (on == null) {
			throw InvalidInputException.of("reclaimedOn", "error.field.required");
		}
		LocalDate opened = LocalDate.ofInstant(order.createdAt(), CityTime.ZONE);
		LocalDate earliest = later(opened, instance.activeFrom());
		earliest = later(earliest, this.repository.amendmentStart(order.id()).map((d) -> d.minusDays(1)).orElse(null));
		LocalDate today = CityTime.today();
		if (on.isBefore(earliest) || on.isAfter(today)) {
			throw InvalidInputException.of("reclaimedOn", "instance.reclaim.date", earliest, today);
		}
		LocalDate amended = this.repository.currentVersionStart(order.contractId()).orElse(on);
		if (on.plusDays(1).isBefore(amended)) {
			// A later amendment already started: the lines cannot end before it.
			throw InvalidInputException.of("reclaimedOn", "instance.reclaim.beforeAmendment", amended.minusDays(1));
		}
	}

	private static LocalDate later(LocalDate one, LocalDate other) {
		return (other != null && other.isAfter(one)) ? other : one;
	}

	private static Instance instance(WorkOrder order, UUID instanceId) {
		return order.lines()
			.stream()
			.flatMap((line) -> line.instances().stream())
			.filter((i) -> i.id().equals(instanceId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("instance", instanceId));
	}

}
