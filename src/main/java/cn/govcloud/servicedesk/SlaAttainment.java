package cn.govcloud.servicedesk;

import java.sql.Timestamp;
import java.time.Year;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How well a supplier met the targets (Art. 19: service response), per priority and month
 * of opening: the share of tickets answered and resolved within target, the median and
 * 90th-percentile times, and the breaches. Shares count the tickets whose clock has
 * stopped; a breach counts as soon as it happens. The supplier's yearly assessment reads
 * this.
 */
@Service
class SlaAttainment {

	private final JdbcClient jdbc;

	SlaAttainment(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Row> year(DataScope scope, int year, UUID supplierId) {
		DataScope.SqlFilter filter = TicketRepository.filter(scope);
		return filter
			.bind(this.jdbc
				.sql("""
						SELECT t.supplier_id, s.name AS supplier_name, t.priority,
						       to_char(t.opened_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
						       count(*) AS tickets,
						       count(t.response_minutes) AS responded,
						       count(*) FILTER (WHERE t.response_minutes <= t.response_target_minutes) AS responded_in_time,
						       percentile_cont(0.5) WITHIN GROUP (ORDER BY t.response_minutes) AS response_median,
						       percentile_cont(0.9) WITHIN GROUP (ORDER BY t.response_minutes) AS response_p90,
						       count(t.resolution_minutes) AS resolved,
						       count(*) FILTER (WHERE t.resolution_minutes <= t.resolution_target_minutes) AS resolved_in_time,
						       percentile_cont(0.5) WITHIN GROUP (ORDER BY t.resolution_minutes) AS resolution_median,
						       percentile_cont(0.9) WITHIN GROUP (ORDER BY t.resolution_minutes) AS resolution_p90,
						       count(*) FILTER (WHERE %s) AS breaches
						FROM servicedesk_ticket t JOIN organization s ON s.id = t.supplier_id
						WHERE t.opened_at >= :from AND t.opened_at < :to AND (CAST(:supplier AS uuid) IS NULL OR t.supplier_id = :supplier)
						  AND """
					.formatted(TicketFilter.BREACHED) + " " + filter.clause() + """

							GROUP BY t.supplier_id, s.name, t.priority, month
							ORDER BY month, s.name, t.priority
							"""))
			.param("from", Timestamp.from(CityTime.startOf(Year.of(year).atDay(1))))
			.param("to", Timestamp.from(CityTime.startOf(Year.of(year + 1).atDay(1))))
			.param("supplier", supplierId)
			.query((rs, n) -> new Row(rs.getObject("supplier_id", UUID.class), rs.getString("supplier_name"),
					Priority.valueOf(rs.getString("priority")), rs.getString("month"), rs.getInt("tickets"),
					rs.getInt("responded"), rs.getInt("responded_in_time"), minutes(rs.getObject("response_median")),
					minutes(rs.getObject("response_p90")), rs.getInt("resolved"), rs.getInt("resolved_in_time"),
					minutes(rs.getObject("resolution_median")), minutes(rs.getObject("resolution_p90")),
					rs.getInt("breaches")))
			.list();
	}

	private static Integer minutes(Object value) {
		return (value instanceof Number number) ? (int) Math.round(number.doubleValue()) : null;
	}

	/**
	 * One supplier, priority and month.
	 *
	 * @param responseMedian minutes, {@code null} when no ticket was answered yet
	 */
	public record Row(UUID supplierId, String supplierName, Priority priority, String month, int tickets, int responded,
			int respondedInTime, Integer responseMedian, Integer responseP90, int resolved, int resolvedInTime,
			Integer resolutionMedian, Integer resolutionP90, int breaches) {

		/**
		 * The share answered within target, 0–100, or {@code null} with none answered.
		 */
		public Integer responseAttainment() {
			return (this.responded == 0) ? null : (int) Math.round(100.0 * this.respondedInTime / this.responded);
		}

		public Integer resolutionAttainment() {
			return (this.resolved == 0) ? null : (int) Math.round(100.0 * this.resolvedInTime / this.resolved);
		}

	}

}
