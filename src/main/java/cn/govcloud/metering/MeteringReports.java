package cn.govcloud.metering;

import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Ingest totals and the hosts seen but not registered. The Commission sees every supplier
 * (or one, by id); a supplier its own.
 */
@Service
class MeteringReports {

	private final JdbcClient jdbc;

	private final UnregisteredHosts pending;

	private final InstanceMatcher matcher;

	MeteringReports(JdbcClient jdbc, UnregisteredHosts pending, InstanceMatcher matcher) {
		this.jdbc = jdbc;
		this.pending = pending;
		this.matcher = matcher;
	}

	public IngestStats stats(DataScope scope, UUID supplierId) {
		UUID supplier = scope.seesAll() ? supplierId : scope.principal().organizationId();
		return this.jdbc.sql("""
				SELECT coalesce(sum(received), 0), coalesce(sum(stored), 0), coalesce(sum(ignored), 0),
				       coalesce(sum(duplicate), 0), coalesce(sum(out_of_order), 0), coalesce(sum(rejected), 0),
				       coalesce(sum(unmatched), 0), coalesce(sum(pending), 0)
				FROM (SELECT received, stored, ignored, duplicate, out_of_order, rejected, unmatched, 0 AS pending
				      FROM metering_totals WHERE (CAST(:supplier AS uuid) IS NULL OR supplier_id = :supplier)
				      UNION ALL
				      SELECT received, stored, ignored, duplicate, out_of_order, rejected, unmatched, 1
				      FROM metering_batch WHERE (CAST(:supplier AS uuid) IS NULL OR supplier_id = :supplier)) t
				""")
			.param("supplier", supplier)
			.query((rs, n) -> new IngestStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7), rs.getLong(8)))
			.single();
	}

	/**
	 * Hosts whose series match no instance, most recently seen first; a host registered
	 * since then is no longer listed.
	 */
	public List<UnregisteredSeries> unregistered(DataScope scope, UUID supplierId) {
		this.pending.flush();
		UUID supplier = scope.seesAll() ? supplierId : scope.principal().organizationId();
		return this.jdbc.sql("""
				SELECT supplier_id, match_value, first_seen, last_seen, samples, example FROM metering_unregistered
				WHERE (CAST(:supplier AS uuid) IS NULL OR supplier_id = :supplier)
				ORDER BY last_seen DESC, match_value LIMIT 5000
				""")
			.param("supplier", supplier)
			.query((rs, n) -> new UnregisteredSeries(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getString(6)))
			// A list, not query().stream(): an unclosed stream keeps its connection.
			.list()
			.stream()
			.filter((seen) -> !this.matcher.registered(seen.supplierId(), seen.matchValue()))
			.toList();
	}

}
