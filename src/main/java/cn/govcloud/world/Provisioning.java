package cn.govcloud.world;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.govcloud.world.Applications.App;
import cn.govcloud.world.City.Person;
import cn.govcloud.world.Contracts.Deal;

/**
 * Work orders opened by filed contracts (Art. 4, 8): one line per approved line, the
 * instances the supplier recorded within the approved count and spec, completion and the
 * unit's acceptance, from which day the instances are billed.
 */
final class Provisioning {

	static final String ORDER = "work_order (id, kind, contract_id, contract_version, unit_id, supplier_id, system_id, status, "
			+ "created_at, completed_at, decided_at, decided_by, reject_reason, reclaim_request_id)";

	static final String LINE = "work_order_line (id, work_order_id, position, application_line_id, kind_code, approved_spec, allowed)";

	static final String INSTANCE = "instance (id, work_order_id, order_line_id, unit_id, supplier_id, system_id, kind_code, name, "
			+ "cloud_instance_id, spec, zone, state, active_from, reclaimed_on, created_at, reclaim_order_id)";

	static final String ADDRESS = "instance_address (instance_id, supplier_id, address)";

	private static final String[] ZONES = { "宜兴一区", "宜兴二区" };

	private final Scene scene;

	private int serial;

	Provisioning(Scene scene) {
		this.scene = scene;
	}

	/** An instance recorded on an order line: what a reclaim or utilisation needs. */
	static final class Inst {

		final UUID id;

		final UUID applicationLineId;

		final Applications.Line line;

		final String cloudId;

		LocalDate activeFrom;

		LocalDate reclaimedOn;

		Inst(UUID id, Applications.Line line, String cloudId) {
			this.id = id;
			this.applicationLineId = line.id();
			this.line = line;
			this.cloudId = cloudId;
		}

	}

	/**
	 * The provisioning order of {@code deal}, taken as far as {@code outcome}: OPEN (some
	 * instances recorded), COMPLETED (all recorded, awaiting acceptance) or ACCEPTED
	 * (active from the acceptance day).
	 */
	List<Inst> provision(Deal deal, App app, String outcome, Reclaim reclaim) {
		UUID order = UUID.randomUUID();
		LocalDate filed = deal.filedAt().atZone(cn.govcloud.shared.CityTime.ZONE).toLocalDate();
		Person operator = this.scene.any(deal.supplier().operators);
		boolean completed = !outcome.equals("OPEN");
		boolean accepted = outcome.equals("ACCEPTED");
		LocalDate acceptedOn = filed.plusDays(8).isAfter(this.scene.today) ? this.scene.today : filed.plusDays(8);
		Instant completedAt = completed ? this.scene.at(filed.plusDays(6)) : null;
		Instant acceptedAt = accepted ? this.scene.at(acceptedOn) : null;
		Person admin = deal.admin();
		this.scene.copy.row(ORDER, order, "PROVISION", deal.id(), 1, deal.system().unit().id, deal.supplier().id,
				deal.system().id(), accepted ? "ACCEPTED" : completed ? "COMPLETED" : "OPEN", deal.filedAt(),
				completedAt, acceptedAt, accepted ? admin.id() : null, null, null);
		this.scene.notify(deal.supplier().operators, deal.filedAt(), "TASK", "notice.workOrder.opened",
				"/work-orders/" + order, deal.number());
		List<Inst> instances = new ArrayList<>();
		int position = 1;
		for (Applications.Line line : app.lines()) {
			if (line.approved() <= 0) {
				continue;
			}
			UUID orderLine = UUID.randomUUID();
			this.scene.copy.row(LINE, orderLine, order, position++, line.id(), line.kind(), Json.of(line.spec()),
					line.approved());
			int recorded = completed ? line.approved() : line.approved() / 2;
			for (int i = 0; i < recorded; i++) {
				boolean reclaimed = reclaim != null && (reclaim.whole() || (i == 0 && line.position() == 1));
				instances.add(instance(deal, order, orderLine, line, operator, filed.plusDays(3),
						accepted ? acceptedOn : null, reclaimed ? reclaim : null));
			}
		}
		String target = "workOrder:" + order;
		if (completed) {
			this.scene.audit(completedAt, operator, "workOrder.complete", target, null);
			this.scene.notify(deal.system().unit().admins, completedAt, "TASK", "notice.workOrder.completed",
					"/work-orders/" + order, deal.number(), deal.system().name());
		}
		if (accepted) {
			this.scene.audit(acceptedAt, admin, "workOrder.accept", target, null);
		}
		return instances;
	}

	/**
	 * Instances reclaimed by a termination's order on a day: all of them, or the first of
	 * the first line.
	 */
	record Reclaim(UUID orderId, LocalDate on, boolean whole) {
	}

	private Inst instance(Deal deal, UUID order, UUID orderLine, Applications.Line line, Person operator,
			LocalDate recorded, LocalDate activeFrom, Reclaim reclaim) {
		UUID id = UUID.randomUUID();
		int n = ++this.serial;
		String cloudId = "ins-%s%06x".formatted(Long.toHexString(this.scene.random.nextLong() & 0xffffffL), n);
		String prefix = switch (line.kind()) {
			case "CLOUD_HOST" -> (line.position() == 1) ? "app" : "db";
			case "CLOUD_STORAGE" -> "vol";
			default -> line.kind().toLowerCase(java.util.Locale.ROOT);
		};
		String name = "%s-%05d".formatted(prefix, n);
		Instant at = this.scene.at(recorded);
		this.scene.copy.row(INSTANCE, id, order, orderLine, deal.system().unit().id, deal.supplier().id,
				deal.system().id(), line.kind(), name, cloudId, Json.of(line.spec()), ZONES[n % 2],
				(reclaim != null) ? "RECLAIMED" : (activeFrom != null) ? "ACTIVE" : "PROVISIONING", activeFrom,
				(reclaim != null) ? reclaim.on() : null, at, (reclaim != null) ? reclaim.orderId() : null);
		if (line.kind().equals("CLOUD_HOST")) {
			this.scene.copy.row(ADDRESS, id, deal.supplier().id, this.scene.nextAddress());
		}
		this.scene.audit(at, operator, "instance.record", "instance:" + id + " " + cloudId, null);
		Inst inst = new Inst(id, line, cloudId);
		inst.activeFrom = activeFrom;
		inst.reclaimedOn = (reclaim != null) ? reclaim.on() : null;
		return inst;
	}

}
