package cn.govcloud.world;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.govcloud.shared.CityTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Backups (Art. 16) as the security module writes them ({@code Backups}): one system with
 * active hosts in two gets a daily backup policy for all its hosts from {@link #DAYS}
 * days ago; each host's runs follow it, about one in thirty failing and one in fifty
 * never run; every supplier with a policy records one restore test.
 */
final class BackupHistory {

	static final String POLICY = "security_backup_policy (id, unit_id, supplier_id, system_id, instance_id, content, "
			+ "frequency, at_time, weekday, month_day, retention_days, location, encrypted, starts_on, created_at, "
			+ "created_by)";

	static final String RUN = "security_backup_run (id, policy_id, unit_id, supplier_id, instance_id, instance_name, "
			+ "started_at, finished_at, size_bytes, result, recorded_at, recorded_by)";

	static final String RESTORE_TEST = "security_restore_test (id, policy_id, unit_id, supplier_id, tested_on, result, "
			+ "note, recorded_at, recorded_by)";

	/** How many days of runs the world holds. */
	static final int DAYS = 35;

	private static final String[] CONTENTS = { "数据库全量备份", "数据库全量备份及归档日志", "应用目录与配置文件", "整机快照" };

	private static final String[] LOCATIONS = { "同城灾备中心 对象存储", "政务云备份一体机", "异地灾备中心 磁带库" };

	private final JdbcClient jdbc;

	BackupHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An active host as a backup policy covers it. */
	private record Host(UUID id, String name, UUID unitId, UUID supplierId, UUID systemId, LocalDate activeFrom) {
	}

	/**
	 * Buffers the policies, runs and restore tests in the scene's rows; returns how many
	 * runs.
	 */
	int write(Scene scene) {
		Map<UUID, List<Host>> bySystem = this.jdbc.sql("""
				SELECT i.id, i.name, i.unit_id, i.supplier_id, i.system_id, i.active_from FROM instance i
				WHERE i.state = 'ACTIVE' AND i.active_from IS NOT NULL
				""")
			.query((rs, n) -> new Host(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getDate(6).toLocalDate()))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Host::systemId));
		List<List<Host>> systems = new ArrayList<>(bySystem.values());
		systems.sort((a, b) -> a.get(0).systemId().compareTo(b.get(0).systemId()));
		if (systems.isEmpty()) {
			return 0;
		}
		scene.copy.table(POLICY).table(RUN).table(RESTORE_TEST);
		Random random = scene.random;
		LocalDate startsOn = scene.today.minusDays(DAYS);
		Map<UUID, UUID> testedBy = new java.util.HashMap<>();
		int runs = 0;
		for (int s = 0; s < systems.size(); s += 2) {
			List<Host> hosts = systems.get(s);
			Host first = hosts.get(0);
			City.Supplier supplier = scene.city.suppliers.stream()
				.filter((x) -> x.id.equals(first.supplierId()))
				.findFirst()
				.orElse(null);
			if (supplier == null || supplier.operators.isEmpty()) {
				continue;
			}
			City.Person operator = supplier.operators.get(0);
			UUID policy = UUID.randomUUID();
			LocalTime at = LocalTime.of(1 + random.nextInt(4), 30);
			scene.copy.row(POLICY, policy, first.unitId(), first.supplierId(), first.systemId(), null,
					CONTENTS[random.nextInt(CONTENTS.length)], "DAILY", at, null, null, 7 * (2 + random.nextInt(12)),
					LOCATIONS[random.nextInt(LOCATIONS.length)], random.nextInt(4) > 0, startsOn,
					CityTime.startOf(startsOn.minusDays(1)), operator.id());
			for (Host host : hosts) {
				runs += runs(scene, policy, host, at, startsOn, operator);
			}
			testedBy.putIfAbsent(first.supplierId(), policy);
			if (testedBy.get(first.supplierId()).equals(policy)) {
				LocalDate on = scene.today.minusDays(3 + random.nextInt(20));
				scene.copy.row(RESTORE_TEST, UUID.randomUUID(), policy, first.unitId(), first.supplierId(), on,
						"SUCCESS", "恢复到隔离环境并校验数据一致性", CityTime.startOf(on).plus(Duration.ofHours(17)), operator.id());
			}
		}
		return runs;
	}

	/** A host's daily runs from the later of the policy's first day and its own. */
	private static int runs(Scene scene, UUID policy, Host host, LocalTime at, LocalDate startsOn,
			City.Person operator) {
		Random random = scene.random;
		int count = 0;
		LocalDate day = host.activeFrom().isAfter(startsOn) ? host.activeFrom() : startsOn;
		long size = (long) (2 + random.nextInt(200)) * 1_073_741_824L;
		for (; day.isBefore(scene.today); day = day.plusDays(1)) {
			if (random.nextInt(50) == 0) {
				continue;
			}
			Instant started = day.atTime(at).atZone(CityTime.ZONE).toInstant().plusSeconds(random.nextInt(300));
			Instant finished = started.plus(Duration.ofMinutes(10 + random.nextInt(80)));
			boolean failed = random.nextInt(30) == 0;
			scene.copy.row(RUN, UUID.randomUUID(), policy, host.unitId(), host.supplierId(), host.id(), host.name(),
					started, finished, failed ? 0L : size + random.nextInt(1_000_000), failed ? "FAILED" : "SUCCESS",
					finished.plus(Duration.ofMinutes(5)), operator.id());
			count++;
		}
		return count;
	}

}
