package cn.govcloud.world;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.govcloud.shared.CityTime;
import cn.govcloud.world.City.Person;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A year of access grants and bastion sessions (Art. 17) as the security module writes
 * them ({@code AccessGrants}, {@code AccessEvents}, the decision ledger of ADR 0015): the
 * supplier's operators ask for windows on a system's active hosts, the unit approves (one
 * in four narrowed), refuses or revokes; a few emergencies for P1 faults are approved
 * after the fact, one in ten of them flagged. Sessions run inside the granted windows;
 * about one grant in twenty has a session outside it — a violation, told to the unit and
 * the Commission and audited, as the module does.
 */
final class AccessHistory {

	static final String GRANT = "security_access_grant (id, number, unit_id, supplier_id, requested_by, "
			+ "requested_by_name, purpose, kind, requested_from, requested_until, emergency, ticket_number, status, "
			+ "granted_from, granted_until, granted_instances, decided_by, decided_at, decision_reason, ended_at, "
			+ "created_at, flagged_at)";

	static final String INSTANCE = "security_grant_instance (grant_id, instance_id, instance_name, system_id, system_name)";

	static final String EVENT = "security_access_grant_event (grant_id, occurred_at, actor_id, action, reason)";

	static final String SESSION = "security_access_event (id, supplier_id, unit_id, instance_id, instance_name, person, "
			+ "started_at, ended_at, source_address, session_id, grant_id, violation, recorded_at, recorded_by)";

	/** Grants a system with hosts sees in a year, on average. */
	static final double PER_SYSTEM_AND_YEAR = 4;

	private static final String[] PURPOSES = { "数据库补丁升级", "操作系统安全加固", "中间件版本升级", "磁盘扩容", "日志排查", "备份恢复演练", "等保测评配合检查",
			"性能调优" };

	private static final String[] KINDS = { "SSH", "DATABASE", "CONSOLE", "REMOTE_DESKTOP" };

	private final JdbcClient jdbc;

	AccessHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A system's active host, as a grant names it. */
	record Host(UUID id, String name, UUID unitId, UUID supplierId, UUID systemId, String systemName) {
	}

	/** Buffers the grants and sessions in the scene's rows; returns how many grants. */
	int write(Scene scene, int count) {
		Map<UUID, List<Host>> bySystem = this.jdbc.sql("""
				SELECT i.id, i.name, i.unit_id, i.supplier_id, i.system_id, s.name
				FROM instance i JOIN application_system s ON s.id = i.system_id
				WHERE i.state = 'ACTIVE'
				""")
			.query((rs, n) -> new Host(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6)))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Host::systemId));
		List<List<Host>> systems = new ArrayList<>(bySystem.values());
		systems.sort((a, b) -> a.get(0).systemId().compareTo(b.get(0).systemId()));
		if (systems.isEmpty()) {
			return 0;
		}
		scene.copy.table(GRANT).table(INSTANCE).table(EVENT).table(SESSION);
		long first = this.jdbc.sql("SELECT nextval('security_grant_number')").query(Long.class).single();
		long number = first;
		Random random = scene.random;
		for (int i = 0; i < count; i++) {
			List<Host> hosts = systems.get(random.nextInt(systems.size()));
			City.Unit unit = unit(scene, hosts.get(0).unitId());
			City.Supplier supplier = supplier(scene, hosts.get(0).supplierId());
			if (unit != null && supplier != null && !supplier.operators.isEmpty() && !unit.admins.isEmpty()) {
				new Grant(scene, unit, supplier, hosts, number++).write();
			}
		}
		this.jdbc.sql("SELECT setval('security_grant_number', :value)")
			.param("value", Math.max(first, number - 1))
			.query()
			.singleRow();
		return (int) (number - first);
	}

	private static City.Unit unit(Scene scene, UUID id) {
		return scene.city.units.stream().filter((u) -> u.id.equals(id)).findFirst().orElse(null);
	}

	private static City.Supplier supplier(Scene scene, UUID id) {
		return scene.city.suppliers.stream().filter((s) -> s.id.equals(id)).findFirst().orElse(null);
	}

	/** One grant's life up to now, and its sessions. */
	private static final class Grant {

		private final Scene scene;

		private final Random random;

		private final City.Unit unit;

		private final List<Host> hosts;

		private final Person operator;

		private final UUID id = UUID.randomUUID();

		private final String number;

		Grant(Scene scene, City.Unit unit, City.Supplier supplier, List<Host> hosts, long number) {
			this.scene = scene;
			this.random = scene.random;
			this.unit = unit;
			this.hosts = hosts.subList(0, Math.min(hosts.size(), 1 + this.random.nextInt(3)));
			this.operator = scene.any(supplier.operators);
			this.number = "SQ%d-%06d".formatted(scene.today.getYear(), number);
		}

		void write() {
			Instant created = this.scene.at(this.scene.today.minusDays(this.random.nextInt(365)));
			boolean emergency = this.random.nextDouble() < 0.05;
			Instant from = emergency ? created : created.plus(Duration.ofMinutes(60 + this.random.nextInt(47 * 60)));
			Instant until = from.plus(Duration.ofHours(2 + this.random.nextInt(emergency ? 8 : 23)));
			Person decider = this.scene.any(this.unit.officers.isEmpty() ? this.unit.admins : this.unit.officers);
			Instant decided = created.plus(Duration.ofMinutes(10 + this.random.nextInt(emergency ? 600 : 50)));
			String status = status(emergency, decided, this.random.nextDouble());
			Instant grantedUntil = ("APPROVED".equals(status) && !emergency && this.random.nextDouble() < 0.25)
					? from.plus(Duration.between(from, until).dividedBy(2)) : until;
			// When a grant in force stopped early: revoked half-way, or an emergency
			// refused.
			Instant ended = "REVOKED".equals(status) ? from.plus(Duration.between(from, grantedUntil).dividedBy(2))
					: ("REFUSED".equals(status) && emergency) ? decided : null;
			if (ended != null && ended.isAfter(this.scene.now)) {
				status = "APPROVED";
				ended = null;
			}
			boolean inForce = !"REQUESTED".equals(status) && !("REFUSED".equals(status) && !emergency);
			boolean undecided = "REQUESTED".equals(status) || "EMERGENCY".equals(status);
			Instant lastDecision = "REVOKED".equals(status) ? ended : decided;
			String purpose = PURPOSES[this.random.nextInt(PURPOSES.length)];
			String refusal = "REFUSED".equals(status) ? "窗口与业务高峰冲突" : null;
			String granted = inForce
					? this.hosts.stream().map((h) -> h.id().toString()).collect(Collectors.joining(",", "{", "}"))
					: "{}";
			this.scene.copy.row(GRANT, this.id, this.number, this.unit.id, this.hosts.get(0).supplierId(),
					this.operator.id(), this.operator.username(), purpose, KINDS[this.random.nextInt(KINDS.length)],
					from, until, emergency, emergency ? "P1 故障" : null, status, inForce ? from : null,
					inForce ? grantedUntil : null, granted, undecided ? null : decider.username(),
					undecided ? null : lastDecision, refusal, ended, created,
					("EMERGENCY".equals(status) && created.plus(Duration.ofHours(24)).isBefore(this.scene.now))
							? created.plus(Duration.ofHours(24)) : null);
			this.hosts
				.forEach((h) -> this.scene.copy.row(INSTANCE, this.id, h.id(), h.name(), h.systemId(), h.systemName()));
			this.scene.copy.row(EVENT, this.id, created, this.operator.id(), emergency ? "EMERGENCY" : "REQUESTED",
					purpose);
			if (!undecided) {
				this.scene.copy.row(EVENT, this.id, decided, decider.id(),
						"REVOKED".equals(status) ? "APPROVED" : status, refusal);
			}
			if ("REVOKED".equals(status)) {
				this.scene.copy.row(EVENT, this.id, ended, decider.id(), status, "工作已完成，提前收回");
			}
			if (inForce) {
				Instant end = (ended != null && ended.isBefore(grantedUntil)) ? ended : grantedUntil;
				sessions(from, end.isAfter(this.scene.now) ? this.scene.now : end);
			}
		}

		/**
		 * Where the grant stands: undecided when its decision is still ahead (an
		 * emergency, one in ten, left undecided), else mostly approved.
		 */
		private String status(boolean emergency, Instant decided, double fate) {
			if (decided.isAfter(this.scene.now) || (emergency && fate < 0.1)) {
				return emergency ? "EMERGENCY" : "REQUESTED";
			}
			return (fate < 0.08) ? "REFUSED" : (fate < 0.12 && !emergency) ? "REVOKED" : "APPROVED";
		}

		/** Sessions inside the window; now and then one that overruns it. */
		private void sessions(Instant from, Instant until) {
			long minutes = Duration.between(from, until).toMinutes();
			if (minutes < 20) {
				return;
			}
			int count = 1 + this.random.nextInt(3);
			for (int k = 0; k < count; k++) {
				Host host = this.hosts.get(this.random.nextInt(this.hosts.size()));
				Instant start = from.plus(Duration.ofMinutes(this.random.nextInt((int) (minutes - 10))));
				Instant end = start.plus(Duration.ofMinutes(5 + this.random.nextInt(40)));
				end = end.isAfter(until) ? until : end;
				session(host, start, end, "bh-" + this.number + "-" + k, this.id);
			}
			if (this.random.nextDouble() < 0.05) {
				Host host = this.hosts.get(0);
				Instant start = until.plus(Duration.ofMinutes(30 + this.random.nextInt(600)));
				if (start.plus(Duration.ofMinutes(20)).isBefore(this.scene.now)) {
					session(host, start, start.plus(Duration.ofMinutes(20)), "bh-" + this.number + "-x", null);
				}
			}
		}

		private void session(Host host, Instant start, Instant end, String sessionId, UUID grant) {
			UUID event = UUID.randomUUID();
			String person = "ops-" + this.operator.username();
			String address = "10.8." + this.random.nextInt(4) + "." + (10 + this.random.nextInt(200));
			Instant recorded = end.plus(Duration.ofMinutes(5));
			this.scene.copy.row(SESSION, event, host.supplierId(), host.unitId(), host.id(), host.name(), person, start,
					end, address, sessionId, grant, grant == null, recorded, this.operator.id());
			if (grant == null) {
				List<Person> told = new ArrayList<>(this.unit.admins);
				told.addAll(this.unit.officers);
				told.addAll(this.scene.city.managers);
				told.addAll(this.scene.city.reviewers);
				this.scene.notify(told, recorded, "TASK", "notice.access.violation", "/access-events?violation=true",
						person, host.name(), CityTime.minutes(start), CityTime.minutes(end), address);
				this.scene.audit(recorded, this.operator, "security.access.violation", "access-event:" + event,
						person + " " + host.name() + " " + CityTime.minutes(start) + "–" + CityTime.minutes(end) + " "
								+ address + " " + sessionId);
			}
		}

	}

}
