package cn.govcloud.inventory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.inventory.ReclaimRepository.Reclaimable;
import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens reclaim work orders (Art. 9): an approved termination reclaims the system's
 * active instances (all, or those it names), one order per contract, for that contract's
 * supplier. The instances become RECLAIMING; billing goes on until each is reclaimed.
 */
@Service
public class ReclaimOrders {

	private final ReclaimRepository repository;

	private final AuditTrail audit;

	private final Inbox inbox;

	ReclaimOrders(ReclaimRepository repository, AuditTrail audit, Inbox inbox) {
		this.repository = repository;
		this.audit = audit;
		this.inbox = inbox;
	}

	/**
	 * A reclaim order for these active instances of a contract, carrying out an amendment
	 * that already ended their lines (an amendment removing resources, or a release order
	 * of rightsizing, Art. 8): its completion does not amend again, and its instances may
	 * be reclaimed from the day before the amendment's start. Once per contract version;
	 * tells the supplier's operators.
	 * @return the order, unless that version already has one
	 */
	@Transactional
	public Optional<UUID> openForAmendment(UUID contractId, int version, List<UUID> instanceIds, String number) {
		UUID orderId = UUID.randomUUID();
		if (instanceIds.isEmpty() || !this.repository.insertOrder(orderId, null, contractId, version,
				Instant.now().truncatedTo(ChronoUnit.MICROS))) {
			return Optional.empty();
		}
		this.repository.markReclaiming(orderId, instanceIds);
		this.audit.record("workOrder.reclaim.open", "workOrder:" + orderId, AuditOutcome.SUCCESS,
				number + ", " + instanceIds.size() + " instances");
		this.inbox.notifyRole(this.repository.supplierOf(orderId), Role.SUPPLIER_OPERATOR,
				Notice.of(NoticeCategory.TASK, "notice.workOrder.reclaimAmended", number)
					.linkingTo("/work-orders/" + orderId));
		return Optional.of(orderId);
	}

	/**
	 * What stands in the way of reclaiming: instances still being provisioned (a whole
	 * system), none named, or a named one that is not an active instance of the system.
	 */
	public List<FieldProblem> check(UUID systemId, boolean wholeSystem, List<UUID> instanceIds) {
		List<FieldProblem> problems = new ArrayList<>();
		if (wholeSystem) {
			if (this.repository.provisioning(systemId)) {
				problems.add(new FieldProblem("wholeSystem", "termination.provisioningOpen"));
			}
			return problems;
		}
		if (instanceIds == null || instanceIds.isEmpty()) {
			problems.add(new FieldProblem("instanceIds", "termination.instances.none"));
			return problems;
		}
		Set<UUID> active = this.repository.active(systemId, instanceIds)
			.stream()
			.map(Reclaimable::id)
			.collect(Collectors.toSet());
		for (int i = 0; i < instanceIds.size(); i++) {
			if (!active.contains(instanceIds.get(i))) {
				problems.add(new FieldProblem("instanceIds[" + i + "]", "termination.instance.notActive"));
			}
		}
		return problems;
	}

	/**
	 * How far the orders opened for a termination have come: the termination is reclaimed
	 * once none is open.
	 */
	public ReclaimProgress progress(UUID terminationId) {
		return this.repository.progress(terminationId);
	}

	/**
	 * Opens the orders of an approved termination and tells each supplier's operators.
	 * @param instanceIds the instances to reclaim, or {@code null} for all of the system
	 * @return how many instances are to be reclaimed (none: nothing is left to reclaim)
	 */
	@Transactional
	public int openForTermination(UUID terminationId, String terminationNumber, UUID systemId, List<UUID> instanceIds) {
		Map<UUID, List<Reclaimable>> byContract = new LinkedHashMap<>();
		this.repository.active(systemId, instanceIds)
			.forEach((i) -> byContract.computeIfAbsent(i.contractId(), (c) -> new ArrayList<>()).add(i));
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		int count = 0;
		for (List<Reclaimable> instances : byContract.values()) {
			UUID orderId = UUID.randomUUID();
			Reclaimable first = instances.get(0);
			this.repository.insertOrder(orderId, terminationId, first.contractId(), null, now);
			this.repository.markReclaiming(orderId, instances.stream().map(Reclaimable::id).toList());
			count += instances.size();
			this.audit.record("workOrder.reclaim.open", "workOrder:" + orderId, AuditOutcome.SUCCESS,
					terminationNumber + ", " + instances.size() + " instances");
			this.inbox.notifyRole(first.supplierId(), Role.SUPPLIER_OPERATOR,
					Notice.of(NoticeCategory.TASK, "notice.workOrder.reclaim", terminationNumber)
						.linkingTo("/work-orders/" + orderId));
		}
		return count;
	}

}
