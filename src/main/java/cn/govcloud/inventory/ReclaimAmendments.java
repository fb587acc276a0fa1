package cn.govcloud.inventory;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.contract.AmendmentForm;
import cn.govcloud.contract.Amendments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends the contract lines of reclaimed instances (Art. 9): for each reclaim date of a
 * completed reclaim order, in order, an amendment effective the day after lowers each
 * line by what the instances reclaimed that day paid for (per instance, or the approved
 * spec's value of the billed dimension). When nothing of the contract is left, every line
 * ends. An instance is billed from its acceptance day to its reclaim date, both included;
 * nothing after.
 */
@Component
class ReclaimAmendments {

	private final JdbcClient jdbc;

	private final Amendments amendments;

	ReclaimAmendments(JdbcClient jdbc, Amendments amendments) {
		this.jdbc = jdbc;
		this.amendments = amendments;
	}

	void amend(WorkOrder order, UUID by) {
		List<LocalDate> dates = this.jdbc
			.sql("SELECT DISTINCT reclaimed_on FROM instance WHERE reclaim_order_id = :order ORDER BY 1")
			.param("order", order.id())
			.query(LocalDate.class)
			.list();
		for (LocalDate day : dates) {
			if (amendable(order.contractId(), day.plusDays(1))) {
				this.amendments.amendForReclaim(order.contractId(), new AmendmentForm(day.plusDays(1),
						"回收 reclaim " + order.contractNumber() + " " + day, quantities(order, day)), by);
			}
		}
	}

	/** A filed or active contract whose term goes on after the reclaim date. */
	private boolean amendable(UUID contractId, LocalDate from) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM contract WHERE id = :id AND status IN ('FILED', 'ACTIVE') "
					+ "AND term_end >= :from)")
			.param("id", contractId)
			.param("from", java.sql.Date.valueOf(from))
			.query(Boolean.class)
			.single();
	}

	/** The current version's quantities less what was reclaimed on {@code day}. */
	private Map<Integer, Long> quantities(WorkOrder order, LocalDate day) {
		boolean nothingLeft = this.jdbc.sql("""
				SELECT NOT EXISTS (SELECT 1 FROM instance i JOIN work_order w ON w.id = i.work_order_id
				                   WHERE w.contract_id = :contract
				                     AND (i.state <> 'RECLAIMED' OR i.reclaimed_on > :day))
				""")
			.param("contract", order.contractId())
			.param("day", java.sql.Date.valueOf(day))
			.query(Boolean.class)
			.single();
		Map<Integer, Long> quantities = new HashMap<>();
		List<long[]> rows = this.jdbc.sql("""
				SELECT cl.position, cl.quantity,
				       (SELECT coalesce(sum(CASE WHEN cl.dimension = 'instance' THEN 1
				                            ELSE coalesce((ol.approved_spec ->> cl.dimension)::bigint, 0) END), 0)
				        FROM instance i JOIN work_order_line ol ON ol.id = i.order_line_id
				        WHERE i.reclaim_order_id = :order AND i.reclaimed_on = :day
				          AND ol.application_line_id = cl.application_line_id) AS reclaimed
				FROM contract c JOIN contract_line cl ON cl.contract_id = c.id AND cl.version = c.version
				WHERE c.id = :contract
				""")
			.param("order", order.id())
			.param("day", java.sql.Date.valueOf(day))
			.param("contract", order.contractId())
			.query((rs, n) -> new long[] { rs.getInt("position"), rs.getLong("quantity"), rs.getLong("reclaimed") })
			.list();
		for (long[] row : rows) {
			quantities.put((int) row[0], nothingLeft ? 0 : Math.max(0, row[1] - row[2]));
		}
		return quantities;
	}

}
