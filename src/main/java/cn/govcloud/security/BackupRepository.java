package cn.govcloud.security;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Sortable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Backup policies, runs and restore tests in SQL (Art. 16). */
@Repository
class BackupRepository {

	/** The policy list's columns: the page's headers and the API's {@code sort}. */
	static final Sortable POLICIES = Sortable.by("u.name, sy.name, p.id", "p.id")
		.field("unitName", "u.name")
		.field("systemName", "sy.name")
		.field("instanceName", "i.name")
		.field("frequency", "p.frequency")
		.field("retentionDays", "p.retention_days");

	/** The run list's columns. */
	static final Sortable RUNS = Sortable.by("r.started_at DESC, r.id", "r.id")
		.field("startedAt", "r.started_at")
		.field("instanceName", "r.instance_name")
		.field("unitName", "u.name")
		.field("sizeBytes", "r.size_bytes")
		.field("result", "r.result");

	private static final String POLICY = """
			SELECT p.id, p.unit_id, u.name AS unit_name, p.supplier_id, s.name AS supplier_name, p.system_id,
			       sy.name AS system_name, p.instance_id, i.name AS instance_name, p.content, p.frequency, p.at_time,
			       p.weekday, p.month_day, p.starts_on, p.retention_days, p.location, p.encrypted, p.created_at
			FROM security_backup_policy p JOIN organization u ON u.id = p.unit_id
			JOIN organization s ON s.id = p.supplier_id JOIN application_system sy ON sy.id = p.system_id
			LEFT JOIN instance i ON i.id = p.instance_id
			""";

	private final JdbcClient jdbc;

	BackupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Backups are between a unit and its supplier: each side and the Commission read
	 * them.
	 */
	private static DataScope.SqlFilter filter(DataScope scope, String alias) {
		return scope.sqlParty(alias + ".unit_id", alias + ".supplier_id");
	}

	/**
	 * @return false when the instance or system already has a policy
	 */
	boolean insert(BackupPolicy p, UUID by) {
		return this.jdbc
			.sql("""
					INSERT INTO security_backup_policy (id, unit_id, supplier_id, system_id, instance_id, content, frequency,
					    at_time, weekday, month_day, retention_days, location, encrypted, starts_on, created_at, created_by)
					VALUES (:id, :unit, :supplier, :system, :instance, :content, :frequency, :at, :weekday, :monthDay,
					    :retention, :location, :encrypted, :startsOn, :createdAt, :by)
					ON CONFLICT DO NOTHING
					""")
			.param("id", p.id())
			.param("unit", p.unitId())
			.param("supplier", p.supplierId())
			.param("system", p.systemId())
			.param("instance", p.instanceId())
			.param("content", p.content())
			.param("frequency", p.frequency().name())
			.param("at", Time.valueOf(p.schedule().at()))
			.param("weekday", p.schedule().weekday())
			.param("monthDay", p.schedule().monthDay())
			.param("retention", p.retentionDays())
			.param("location", p.location())
			.param("encrypted", p.encrypted())
			.param("startsOn", Date.valueOf(p.schedule().startsOn()))
			.param("createdAt", Timestamp.from(p.createdAt()))
			.param("by", by)
			.update() == 1;
	}

	Optional<BackupPolicy> policy(UUID id) {
		return this.jdbc.sql(POLICY + " WHERE p.id = :id").param("id", id).query(BackupRepository::policy).optional();
	}

	/** Every policy of the supplier (for matching reported runs to them). */
	List<BackupPolicy> policiesOf(UUID supplierId) {
		return this.jdbc.sql(POLICY + " WHERE p.supplier_id = :supplier")
			.param("supplier", supplierId)
			.query(BackupRepository::policy)
			.list();
	}

	/** The instances with a policy of their own (not their system's). */
	Set<UUID> instancesWithPolicy() {
		return new HashSet<>(
				this.jdbc.sql("SELECT instance_id FROM security_backup_policy WHERE instance_id IS NOT NULL")
					.query(UUID.class)
					.list());
	}

	/** The policies of one unit, or ({@code null}) of every unit, with no scope. */
	List<BackupPolicy> policiesOfUnit(UUID unitId) {
		return this.jdbc.sql(POLICY + " WHERE (CAST(:unit AS uuid) IS NULL OR p.unit_id = :unit) ORDER BY p.id")
			.param("unit", unitId)
			.query(BackupRepository::policy)
			.list();
	}

	Page<BackupPolicy> policies(DataScope scope, UUID unitId, Page.Request request) {
		DataScope.SqlFilter scoped = filter(scope, "p");
		String where = " WHERE " + scoped.clause() + " AND (CAST(:unit AS uuid) IS NULL OR p.unit_id = :unit)";
		long total = scoped
			.bind(this.jdbc.sql("SELECT count(*) FROM security_backup_policy p" + where).param("unit", unitId))
			.query(Long.class)
			.single();
		List<BackupPolicy> rows = scoped
			.bind(this.jdbc.sql(
					POLICY + where + " ORDER BY " + POLICIES.orderBy(request.order()) + " LIMIT :limit OFFSET :offset"))
			.param("unit", unitId)
			.param("limit", request.size())
			.param("offset", request.offset())
			.query(BackupRepository::policy)
			.list();
		return request.of(rows, total);
	}

	/**
	 * @return whether the run was new
	 */
	boolean insert(BackupRun run, Instant at, UUID by, UUID supplierId) {
		return this.jdbc.sql("""
				INSERT INTO security_backup_run (id, policy_id, unit_id, supplier_id, instance_id, instance_name,
				    started_at, finished_at, size_bytes, result, recorded_at, recorded_by)
				VALUES (:id, :policy, :unit, :supplier, :instance, :name, :started, :finished, :size, :result, :at, :by)
				ON CONFLICT (instance_id, started_at) DO NOTHING
				""")
			.param("id", run.id())
			.param("policy", run.policyId())
			.param("unit", run.unitId())
			.param("supplier", supplierId)
			.param("instance", run.instanceId())
			.param("name", run.instanceName())
			.param("started", Timestamp.from(run.startedAt()))
			.param("finished", Timestamp.from(run.finishedAt()))
			.param("size", run.sizeBytes())
			.param("result", run.result().name())
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update() == 1;
	}

	Page<BackupRun> runs(DataScope scope, UUID unitId, BackupResult result, Page.Request request) {
		DataScope.SqlFilter scoped = filter(scope, "r");
		String where = " WHERE " + scoped.clause() + " AND (CAST(:unit AS uuid) IS NULL OR r.unit_id = :unit)"
				+ " AND (CAST(:result AS text) IS NULL OR r.result = :result)";
		String resultName = (result != null) ? result.name() : null;
		long total = scoped
			.bind(this.jdbc.sql("SELECT count(*) FROM security_backup_run r" + where)
				.param("unit", unitId)
				.param("result", resultName))
			.query(Long.class)
			.single();
		List<BackupRun> rows = scoped.bind(this.jdbc.sql("""
				SELECT r.id, r.policy_id, r.unit_id, u.name, r.instance_id, r.instance_name, r.started_at,
				       r.finished_at, r.size_bytes, r.result
				FROM security_backup_run r JOIN organization u ON u.id = r.unit_id
				""" + where + " ORDER BY " + RUNS.orderBy(request.order()) + " LIMIT :limit OFFSET :offset"))
			.param("unit", unitId)
			.param("result", resultName)
			.param("limit", request.size())
			.param("offset", request.offset())
			.query((rs, n) -> new BackupRun(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6),
					rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getLong(9),
					BackupResult.valueOf(rs.getString(10))))
			.list();
		return request.of(rows, total);
	}

	/** The runs of the given policies started in {@code [from, to)}, with no scope. */
	List<RunOf> runsOf(List<UUID> policies, Instant from, Instant to) {
		if (policies.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT policy_id, instance_id, started_at, result FROM security_backup_run
				WHERE policy_id = ANY(:policies) AND started_at >= :from AND started_at < :to
				""")
			.param("policies", policies.toArray(UUID[]::new))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new RunOf(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					new BackupSchedule.Run(rs.getTimestamp(3).toInstant(), BackupResult.valueOf(rs.getString(4)))))
			.list();
	}

	void insert(RestoreTest test, BackupPolicy policy, Instant at, UUID by) {
		this.jdbc.sql("""
				INSERT INTO security_restore_test (id, policy_id, unit_id, supplier_id, tested_on, result, note,
				    recorded_at, recorded_by)
				VALUES (:id, :policy, :unit, :supplier, :on, :result, :note, :at, :by)
				""")
			.param("id", test.id())
			.param("policy", policy.id())
			.param("unit", policy.unitId())
			.param("supplier", policy.supplierId())
			.param("on", Date.valueOf(test.testedOn()))
			.param("result", test.result().name())
			.param("note", test.note())
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	private static final String TESTS = """
			SELECT t.id, t.policy_id, t.unit_id, u.name, sy.name, i.name, t.tested_on, t.result, t.note
			FROM security_restore_test t JOIN security_backup_policy p ON p.id = t.policy_id
			JOIN organization u ON u.id = t.unit_id JOIN application_system sy ON sy.id = p.system_id
			LEFT JOIN instance i ON i.id = p.instance_id
			""";

	List<RestoreTest> restoreTests(DataScope scope, UUID unitId, int limit) {
		DataScope.SqlFilter scoped = filter(scope, "t");
		return scoped.bind(this.jdbc.sql(TESTS + " WHERE " + scoped.clause()
				+ " AND (CAST(:unit AS uuid) IS NULL OR t.unit_id = :unit) ORDER BY t.tested_on DESC, t.id LIMIT "
				+ limit))
			.param("unit", unitId)
			.query(BackupRepository::test)
			.list();
	}

	/**
	 * The restore tests of the given policies up to {@code upTo}, newest first, no scope.
	 */
	List<RestoreTest> restoreTestsOf(List<UUID> policies, LocalDate upTo) {
		if (policies.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql(TESTS + " WHERE t.policy_id = ANY(:policies) AND t.tested_on <= :upTo ORDER BY t.tested_on DESC, t.id")
			.param("policies", policies.toArray(UUID[]::new))
			.param("upTo", Date.valueOf(upTo))
			.query(BackupRepository::test)
			.list();
	}

	/** A run of a policy, as the schedule reads it. */
	record RunOf(UUID policyId, UUID instanceId, BackupSchedule.Run run) {
	}

	private static RestoreTest test(ResultSet rs, int n) throws SQLException {
		return new RestoreTest(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate(),
				BackupResult.valueOf(rs.getString(8)), rs.getString(9));
	}

	private static BackupPolicy policy(ResultSet rs, int n) throws SQLException {
		BackupSchedule schedule = new BackupSchedule(BackupFrequency.valueOf(rs.getString("frequency")),
				rs.getTime("at_time").toLocalTime(), (Integer) rs.getObject("weekday", Integer.class),
				(Integer) rs.getObject("month_day", Integer.class), rs.getDate("starts_on").toLocalDate());
		return new BackupPolicy(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class),
				rs.getString("unit_name"), rs.getObject("supplier_id", UUID.class), rs.getString("supplier_name"),
				rs.getObject("system_id", UUID.class), rs.getString("system_name"),
				rs.getObject("instance_id", UUID.class), rs.getString("instance_name"), rs.getString("content"),
				schedule, rs.getInt("retention_days"), rs.getString("location"), rs.getBoolean("encrypted"),
				rs.getTimestamp("created_at").toInstant());
	}

}
