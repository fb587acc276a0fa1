package cn.govcloud.reporting;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The city report of a month (Art. 12, for the Commission): the latest version of every
 * unit's reports, one row per unit and supplier, and the sections summed over them. Read
 * from the stored figures (the backups too, Art. 16), so it agrees with the reports the
 * units received. Name-only joins (ADR 0016): the unit's and the supplier's names.
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
					       (r.content ->> 'feeTotal')::numeric AS fees,
					       (r.content #>> '{operations,backups,instances}')::int AS b_instances,
					       (r.content #>> '{operations,backups,periods}')::int AS b_periods,
					       (r.content #>> '{operations,backups,met}')::int AS b_met,
					       (r.content #>> '{operations,backups,failed}')::int AS b_failed,
					       (r.content #>> '{operations,backups,missed}')::int AS b_missed,
					       (r.content #>> '{operations,backups,restoreTests}')::int AS b_tests,
					       (r.content #>> '{operations,backups,restoreTestsFailed}')::int AS b_tests_failed
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
					rs.getInt("amendments"), rs.getBigDecimal("fees"), backups(rs)))
			.list();
	}

	/** The report's backup figures, or {@code null} when none were recorded for it. */
	private static ReportContent.Backups backups(ResultSet rs) throws SQLException {
		return (rs.getObject("b_instances") == null) ? null
				: new ReportContent.Backups(rs.getInt("b_instances"), rs.getInt("b_periods"), rs.getInt("b_met"),
						rs.getInt("b_failed"), rs.getInt("b_missed"), rs.getInt("b_tests"),
						rs.getInt("b_tests_failed"));
	}

	/**
	 * The rows summed; the status and version of the sum mean nothing and are left out.
	 * The backups are the sum of the reports that recorded them ({@code null} when none
	 * did).
	 */
	static Row total(List<Row> rows) {
		Row sum = new Row(null, null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO.setScale(2), null);
		for (Row row : rows) {
			sum = new Row(null, null, null, null, 0, sum.instances + row.instances, sum.idle + row.idle,
					sum.hot + row.hot, sum.tickets + row.tickets, sum.breaches + row.breaches,
					sum.incidents + row.incidents, sum.provisioned + row.provisioned, sum.reclaimed + row.reclaimed,
					sum.amendments + row.amendments, sum.fees.add(row.fees), add(sum.backups, row.backups));
		}
		return sum;
	}

	private static ReportContent.Backups add(ReportContent.Backups a, ReportContent.Backups b) {
		if (a == null || b == null) {
			return (a != null) ? a : b;
		}
		return new ReportContent.Backups(a.instances() + b.instances(), a.periods() + b.periods(), a.met() + b.met(),
				a.failed() + b.failed(), a.missed() + b.missed(), a.restoreTests() + b.restoreTests(),
				a.restoreTestsFailed() + b.restoreTestsFailed());
	}

	/**
	 * One unit's report from one supplier, in figures; {@code backups} is {@code null}
	 * when the report recorded none (no backup policy).
	 */
	record Row(UUID reportId, String unitName, String supplierName, ReportStatus status, int version, int instances,
			int idle, int hot, int tickets, int breaches, int incidents, int provisioned, int reclaimed, int amendments,
			BigDecimal fees, ReportContent.Backups backups) {
	}

}
