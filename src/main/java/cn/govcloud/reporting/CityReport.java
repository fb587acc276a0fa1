package cn.govcloud.reporting;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The city report of a month (Art. 12, for the Commission): the latest version of every
 * unit's reports, one row per unit and supplier, and the sections summed over them. Read
 * from the stored figures, so it agrees with the reports the units received. Name-only
 * joins (ADR 0016): the unit's and the supplier's names.
 */
@Component
class CityReport {

	private final JdbcClient jdbc;

	CityReport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Row> rows(YearMonth month) {
		return this.jdbc
			.sql("""
					SELECT r.id, u.name AS unit_name, s.name AS supplier_name, r.status, r.version,
					       jsonb_array_length(r.content -> 'utilisation') AS instances,
					       (SELECT count(*) FROM jsonb_array_elements(r.content -> 'utilisation') e WHERE (e ->> 'idle')::boolean) AS idle,
					       (SELECT count(*) FROM jsonb_array_elements(r.content -> 'utilisation') e WHERE (e ->> 'hot')::boolean) AS hot,
					       (SELECT coalesce(sum((t ->> 'tickets')::int), 0) FROM jsonb_array_elements(r.content -> 'operations' -> 'tickets') t) AS tickets,
					       (SELECT coalesce(sum((t ->> 'breaches')::int), 0) FROM jsonb_array_elements(r.content -> 'operations' -> 'tickets') t) AS breaches,
					       jsonb_array_length(r.content -> 'operations' -> 'incidents') AS incidents,
					       (r.content -> 'operations' ->> 'provisioned')::int AS provisioned,
					       (r.content -> 'operations' ->> 'reclaimed')::int AS reclaimed,
					       (r.content -> 'operations' ->> 'amendments')::int AS amendments,
					       (r.content ->> 'feeTotal')::numeric AS fees
					FROM reporting_report r JOIN organization u ON u.id = r.unit_id JOIN organization s ON s.id = r.supplier_id
					WHERE r.month = :month AND r.version = (SELECT max(l.version) FROM reporting_report l
					    WHERE l.unit_id = r.unit_id AND l.supplier_id = r.supplier_id AND l.month = r.month)
					ORDER BY u.name, s.name
					""")
			.param("month", Date.valueOf(month.atDay(1)))
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("unit_name"),
					rs.getString("supplier_name"), ReportStatus.valueOf(rs.getString("status")), rs.getInt("version"),
					rs.getInt("instances"), rs.getInt("idle"), rs.getInt("hot"), rs.getInt("tickets"),
					rs.getInt("breaches"), rs.getInt("incidents"), rs.getInt("provisioned"), rs.getInt("reclaimed"),
					rs.getInt("amendments"), rs.getBigDecimal("fees")))
			.list();
	}

	/**
	 * The rows summed; the status and version of the sum mean nothing and are left out.
	 */
	static Row total(List<Row> rows) {
		Row sum = new Row(null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO.setScale(2));
		for (Row row : rows) {
			sum = new Row(null, null, null, null, 0, sum.instances + row.instances, sum.idle + row.idle,
					sum.hot + row.hot, sum.tickets + row.tickets, sum.breaches + row.breaches,
					sum.incidents + row.incidents, sum.provisioned + row.provisioned, sum.reclaimed + row.reclaimed,
					sum.amendments + row.amendments, sum.fees.add(row.fees));
		}
		return sum;
	}

	/** One unit's report from one supplier, in figures. */
	record Row(UUID reportId, String unitName, String supplierName, ReportStatus status, int version, int instances,
			int idle, int hot, int tickets, int breaches, int incidents, int provisioned, int reclaimed, int amendments,
			BigDecimal fees) {
	}

}
