package cn.govcloud.world;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.world.City.Person;
import cn.govcloud.world.Contracts.Deal;
import cn.govcloud.world.Contracts.Priced;
import cn.govcloud.world.Provisioning.Inst;
import cn.govcloud.world.Registers.Sys;

/**
 * Terminations (Art. 9): applications waiting for the Commission, and approved ones whose
 * reclaim order the supplier completed, each instance billed to its reclaim date, the
 * contract amended the day after, an emptied system offline.
 */
final class Terminations {

	static final String TERMINATION = "termination (id, number, unit_id, system_id, whole_system, offline_on, data_handling, "
			+ "data_location, evidence_version, open_applications, withdrawn, note, status, submitted_by, submitted_at, "
			+ "decided_by, decided_at, approved_on, return_reason, reclaimed_on)";

	static final String INSTANCE = "termination_instance (termination_id, instance_id)";

	static final Person SYSTEM = new Person(null, "system", null, null);

	private final Scene scene;

	private final Registers registers;

	private final Contracts contracts;

	long number;

	Terminations(Scene scene, Registers registers, Contracts contracts, long firstNumber) {
		this.scene = scene;
		this.registers = registers;
		this.contracts = contracts;
		this.number = firstNumber;
	}

	/** A whole-system termination submitted on {@code on}, awaiting the Commission. */
	void pending(Sys system, LocalDate on) {
		this.registers.document(system, "BACKUP_EVIDENCE", on.minusDays(1));
		UUID id = UUID.randomUUID();
		String number = "ZZ%d-%06d".formatted(on.getYear(), this.number++);
		Person admin = system.unit().admins.get(0);
		Instant at = this.scene.at(on);
		this.scene.copy.row(TERMINATION, id, number, system.unit().id, system.id(), true, on.plusDays(30), "BACKED_UP",
				"本单位备份服务器 /backup/" + number, 1, null, null, "系统整合，停止使用", "SUBMITTED", admin.id(), at, null, null, null,
				null, null);
		this.scene.audit(at, admin, "termination.apply", "termination:" + id + " " + number, "whole system");
		this.scene.notify(this.scene.city.reviewers, at, "TASK", "notice.termination.submitted", "/terminations/" + id,
				number, system.unit().name, system.name());
	}

	/**
	 * An approved termination of {@code deal}'s system whose instances {@code reclaimed}
	 * were reclaimed on {@code reclaim.on()} by order {@code reclaim.orderId()}.
	 */
	void reclaimed(Deal deal, List<Inst> instances, Provisioning.Reclaim reclaim) {
		Sys system = deal.system();
		LocalDate on = reclaim.on();
		this.registers.document(system, "BACKUP_EVIDENCE", on.minusDays(21));
		UUID id = UUID.randomUUID();
		String number = "ZZ%d-%06d".formatted(on.minusDays(20).getYear(), this.number++);
		Person admin = system.unit().admins.get(0);
		Person reviewer = this.scene.any(this.scene.city.reviewers);
		Person operator = this.scene.any(deal.supplier().operators);
		Instant submitted = this.scene.at(on.minusDays(20));
		Instant decided = this.scene.at(on.minusDays(15));
		this.scene.copy.row(TERMINATION, id, number, system.unit().id, system.id(), reclaim.whole(), on, "MIGRATED",
				"迁移至新建集约化平台", 1, null, null, null, "RECLAIMED", admin.id(), submitted, reviewer.id(), decided,
				on.minusDays(15), null, on);
		List<Inst> reclaimed = instances.stream().filter((i) -> i.reclaimedOn != null).toList();
		if (!reclaim.whole()) {
			reclaimed.forEach((i) -> this.scene.copy.row(INSTANCE, id, i.id));
		}
		this.scene.copy.row(Provisioning.ORDER, reclaim.orderId(), "RECLAIM", deal.id(), 1, system.unit().id,
				deal.supplier().id, system.id(), "COMPLETED", decided, this.scene.at(on), null, null, null, id);
		String target = "termination:" + id + " " + number;
		this.scene.audit(submitted, admin, "termination.apply", target, reclaim.whole() ? "whole system" : "instances");
		this.scene.audit(decided, reviewer, "termination.decide", target, "APPROVED");
		this.scene.audit(decided, reviewer, "workOrder.reclaim.open", "workOrder:" + reclaim.orderId(), number);
		this.scene.notify(system.unit().admins, decided, "INFO", "notice.termination.APPROVED", "/terminations/" + id,
				number, system.name(), "");
		this.scene.notify(deal.supplier().operators, decided, "TASK", "notice.workOrder.reclaim",
				"/work-orders/" + reclaim.orderId(), number);
		Instant done = this.scene.at(on);
		for (Inst instance : reclaimed) {
			this.scene.audit(done, operator, "instance.reclaim", "instance:" + instance.id + " " + instance.cloudId,
					on.toString());
		}
		this.contracts.amend(deal, 2, on.plusDays(1), "回收 reclaim " + deal.number() + " " + on,
				quantities(deal, reclaimed, reclaim.whole()), operator);
		this.scene.notify(system.unit().admins, done, "INFO", "notice.termination.reclaimed", "/terminations/" + id,
				number, system.name(), on.toString());
		if (reclaim.whole()) {
			this.scene.copy.row(Registers.STATUS, UUID.randomUUID(), system.id(), "ON_PLATFORM", "OFFLINE", null,
					number, "system", done);
			this.scene.audit(done, SYSTEM, "system.status", "system:" + system.id() + " " + system.name(),
					"ON_PLATFORM → OFFLINE");
		}
	}

	private static Map<Integer, Long> quantities(Deal deal, List<Inst> reclaimed, boolean whole) {
		Map<Integer, Long> quantities = new HashMap<>();
		for (Priced line : deal.lines()) {
			long units = 0;
			for (Inst instance : reclaimed) {
				if (instance.applicationLineId.equals(line.applicationLineId())) {
					units += "instance".equals(line.dimension()) ? 1
							: (instance.line.spec().get(line.dimension()) instanceof Number n) ? n.longValue() : 0;
				}
			}
			quantities.put(line.position(), whole ? 0 : Math.max(0, line.quantity() - units));
		}
		return quantities;
	}

}
