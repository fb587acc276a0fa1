package cn.govcloud.inventory;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Filters;
import cn.govcloud.shared.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The instances a caller may see, for modules that keep records per instance (metering's
 * rollups): a unit its own, a supplier those it runs, the Commission all, in any state.
 * One query for all of them, however many (30,000 hosts at tier L, ADR 0012): readers
 * join their own tables to the ids, never row by row.
 */
@Service
public class Instances {

	private final JdbcClient jdbc;

	/**
	 * The fingerprints last read, per scope and filter (issue 13: each trend read hashed
	 * the Commission's 30,000 ids, 30-130 ms in PostgreSQL at tier L).
	 */
	private final Map<String, Kept> fingerprints = new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
			return size() > 1_000;
		}
	};

	Instances(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The instances in scope that pass the filter; a {@code null} argument does not
	 * filter.
	 */
	public List<OwnedInstance> visible(DataScope scope, UUID unitId, UUID systemId, UUID instanceId) {
		Filters filters = filters(WorkOrderRepository.filter(scope, "i"), unitId, systemId, instanceId);
		return filters
			.bind(this.jdbc
				.sql("SELECT i.id, i.name, i.unit_id, i.supplier_id, i.system_id FROM instance i" + filters.where()))
			.query((rs, n) -> new OwnedInstance(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class)))
			.list();
	}

	/**
	 * One page of the same in name order (code point order, as Java compares names; then
	 * by id), with the count of all of them: a city's 30,000 instances are neither read
	 * nor sorted for a page of 50 (issue 13, ADR 0043).
	 */
	public Page<OwnedInstance> visible(DataScope scope, UUID unitId, UUID systemId, UUID instanceId,
			Page.Request page) {
		Filters filters = filters(WorkOrderRepository.filter(scope, "i"), unitId, systemId, instanceId);
		List<OwnedInstance> items = filters
			.bind(this.jdbc.sql("SELECT i.id, i.name, i.unit_id, i.supplier_id, i.system_id FROM instance i"
					+ filters.where() + " ORDER BY i.name COLLATE \"C\", i.id LIMIT :limit OFFSET :offset"))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new OwnedInstance(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class)))
			.list();
		long total = filters.bind(this.jdbc.sql("SELECT count(*) FROM instance i" + filters.where()))
			.query(Long.class)
			.single();
		return page.of(items, total);
	}

	/**
	 * How many instances in scope pass the filter and a SHA-256 digest of their ids in
	 * order, computed in PostgreSQL: names exactly that set (a new or reclaimed instance
	 * changes it) without reading it, e.g. to key what is kept about it.
	 */
	public Fingerprint fingerprint(DataScope scope, UUID unitId, UUID systemId) {
		DataScope.SqlFilter filter = WorkOrderRepository.filter(scope, "i");
		Filters filters = filters(filter, unitId, systemId, null);
		String key = filter.clause() + Arrays.toString(filter.organizations()) + unitId + systemId;
		Kept kept;
		synchronized (this.fingerprints) {
			kept = this.fingerprints.get(key);
		}
		if (kept != null && !changedSince(kept.since())) {
			return kept.fingerprint();
		}
		// the oldest transaction still running when the set was read: every instance
		// change by it or a later one is in instance_change with its id at or above
		Kept read = filters.bind(this.jdbc.sql("""
				SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint, count(*),
				       encode(sha256(string_agg(uuid_send(i.id), ''::bytea ORDER BY i.id)), 'hex')
				FROM instance i""" + filters.where()))
			.query((rs, n) -> new Kept(rs.getLong(1), new Fingerprint(rs.getLong(2), rs.getString(3))))
			.single();
		synchronized (this.fingerprints) {
			this.fingerprints.put(key, read);
		}
		return read.fingerprint();
	}

	/**
	 * Whether an instance (or an address) was changed by a transaction that was running
	 * or had not started when a set was read (V172's {@code instance_change}, the
	 * instance matcher's source): one index probe instead of reading and hashing the set
	 * again.
	 */
	private boolean changedSince(long since) {
		// the newest change from the index's end (a generic plan of "tx >= :since" reads
		// the whole table)
		return this.jdbc.sql("SELECT coalesce(max(tx), -1) FROM instance_change").query(Long.class).single() >= since;
	}

	private static Filters filters(DataScope.SqlFilter scoped, UUID unitId, UUID systemId, UUID instanceId) {
		return new Filters(scoped).and("i.unit_id = :unit", "unit", unitId)
			.and("i.system_id = :system", "system", systemId)
			.and("i.id = :instance", "instance", instanceId);
	}

	/** A fingerprint and the oldest transaction running when its set was read. */
	private record Kept(long since, Fingerprint fingerprint) {
	}

	/**
	 * A set of instances: how many, and the digest of their ids ({@code null} if none).
	 */
	public record Fingerprint(long count, String digest) {
	}

	/**
	 * Every instance for a city-wide aggregate (the finance bureau and the Commission,
	 * {@link DataScope#seesAggregates()}: Art. 18); for anyone else those in scope.
	 */
	public List<OwnedInstance> forAggregates(DataScope scope) {
		if (!scope.seesAggregates() || scope.seesAll()) {
			return visible(scope, null, null, null);
		}
		return this.jdbc.sql("SELECT i.id, i.name, i.unit_id, i.supplier_id, i.system_id FROM instance i")
			.query((rs, n) -> new OwnedInstance(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class)))
			.list();
	}

	/**
	 * The instances each unit held of each kind on any day from {@code first} to
	 * {@code last}, counted, with their vCPUs: aggregates for the finance bureau and the
	 * Commission (Art. 18), a unit's own for anyone else in scope.
	 */
	public List<HeldInstances> held(DataScope scope, LocalDate first, LocalDate last) {
		DataScope.SqlFilter filter = scope.seesAggregates() ? new DataScope.SqlFilter("TRUE", null)
				: WorkOrderRepository.filter(scope, "i");
		return filter
			.bind(this.jdbc
				.sql("""
						SELECT i.unit_id, i.kind_code, count(*),
						       coalesce(sum(CASE WHEN jsonb_typeof(i.spec -> 'vcpu') = 'number' THEN (i.spec ->> 'vcpu')::numeric END), 0)
						FROM instance i
						WHERE i.active_from IS NOT NULL AND i.active_from <= :last
						  AND (i.reclaimed_on IS NULL OR i.reclaimed_on >= :first) AND %s
						GROUP BY i.unit_id, i.kind_code ORDER BY i.unit_id, i.kind_code
						"""
					.formatted(filter.clause())))
			.param("first", first)
			.param("last", last)
			.query((rs, n) -> new HeldInstances(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
					rs.getLong(4)))
			.list();
	}

	/**
	 * One instance in scope, with the names its page shows; out of scope reads as empty.
	 */
	public Optional<InstanceHeading> heading(DataScope scope, UUID instanceId) {
		DataScope.SqlFilter filter = WorkOrderRepository.filter(scope, "i");
		// Name-only joins (ADR 0016): the unit's and the system's names, for the heading.
		return filter.bind(this.jdbc.sql("""
				SELECT i.id, i.name, i.cloud_instance_id, i.unit_id, u.name, i.system_id, s.name
				FROM instance i JOIN organization u ON u.id = i.unit_id
				JOIN application_system s ON s.id = i.system_id
				WHERE i.id = :instance AND %s
				""".formatted(filter.clause())))
			.param("instance", instanceId)
			.query((rs, n) -> new InstanceHeading(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getObject(4, UUID.class), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7)))
			.optional();
	}

	/**
	 * The instances that ran in {@code month} (active on or before its last day, not
	 * reclaimed before its first), of one unit or, with {@code null}, of all: one query.
	 * Name-only join (ADR 0016): the system's name.
	 */
	public List<MonthInstance> during(YearMonth month, UUID unitId) {
		return this.jdbc.sql("""
				SELECT i.id, i.name, i.unit_id, i.supplier_id, i.system_id, s.name AS system_name, i.kind_code,
				       CAST(i.spec AS text) AS spec, i.active_from, i.reclaimed_on
				FROM instance i JOIN application_system s ON s.id = i.system_id
				WHERE i.active_from <= :last AND (i.reclaimed_on IS NULL OR i.reclaimed_on >= :first)
				  AND (CAST(:unit AS uuid) IS NULL OR i.unit_id = :unit)
				ORDER BY i.unit_id, i.name
				""")
			.param("first", Date.valueOf(month.atDay(1)))
			.param("last", Date.valueOf(month.atEndOfMonth()))
			.param("unit", unitId)
			.query((rs, n) -> new MonthInstance(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
					rs.getString(6), rs.getString(7), rs.getString(8), rs.getDate(9).toLocalDate(),
					(rs.getDate(10) != null) ? rs.getDate(10).toLocalDate() : null))
			.list();
	}

}
