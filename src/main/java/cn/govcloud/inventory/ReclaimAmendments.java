package cn.govcloud.inventory;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.contract.AmendmentForm;
import cn.govcloud.contract.Amendments;
import cn.govcloud.contract.ContractLine;
import cn.govcloud.contract.ContractLines;
import cn.govcloud.contract.ContractOutline;
import cn.govcloud.contract.ContractStatus;

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

	private final ContractLines contracts;

	private final Specs specs;

	ReclaimAmendments(JdbcClient jdbc, Amendments amendments, ContractLines contracts, Specs specs) {
		this.jdbc = jdbc;
		this.amendments = amendments;
		this.contracts = contracts;
		this.specs = specs;
	}

	void amend(WorkOrder order, UUID by) {
		List<LocalDate> dates = this.jdbc
			.sql("SELECT DISTINCT reclaimed_on FROM instance WHERE reclaim_order_id = :order ORDER BY 1")
			.param("order", order.id())
			.query(LocalDate.class)
			.list();
		for (LocalDate day : dates) {
			// Read again for each day: the previous day's amendment made a new version.
			ContractOutline contract = this.contracts.outline(order.contractId()).orElse(null);
			if (amendable(contract, day.plusDays(1))) {
				this.amendments.amendForReclaim(
						order.contractId(), new AmendmentForm(day.plusDays(1),
								"回收 reclaim " + order.contractNumber() + " " + day, quantities(order, contract, day)),
						by);
			}
		}
	}

	/** A filed or active contract whose term goes on after the reclaim date. */
	private static boolean amendable(ContractOutline contract, LocalDate from) {
		return contract != null
				&& (contract.status() == ContractStatus.FILED || contract.status() == ContractStatus.ACTIVE)
				&& !contract.termEnd().isBefore(from);
	}

	/** The current version's quantities less what was reclaimed on {@code day}. */
	private Map<Integer, Long> quantities(WorkOrder order, ContractOutline contract, LocalDate day) {
		boolean nothingLeft = this.jdbc.sql("""
				SELECT NOT EXISTS (SELECT 1 FROM instance i JOIN work_order w ON w.id = i.work_order_id
				                   WHERE w.contract_id = :contract
				                     AND (i.state <> 'RECLAIMED' OR i.reclaimed_on > :day))
				""")
			.param("contract", order.contractId())
			.param("day", java.sql.Date.valueOf(day))
			.query(Boolean.class)
			.single();
		List<Reclaimed> reclaimed = this.jdbc.sql("""
				SELECT ol.application_line_id, ol.approved_spec::text AS spec, count(*) AS n
				FROM instance i JOIN work_order_line ol ON ol.id = i.order_line_id
				WHERE i.reclaim_order_id = :order AND i.reclaimed_on = :day
				GROUP BY ol.application_line_id, ol.approved_spec::text
				""")
			.param("order", order.id())
			.param("day", java.sql.Date.valueOf(day))
			.query((rs, n) -> new Reclaimed(rs.getObject("application_line_id", UUID.class),
					this.specs.read(rs.getString("spec")), rs.getLong("n")))
			.list();
		Map<Integer, Long> quantities = new HashMap<>();
		for (ContractLine line : contract.currentLines()) {
			long units = reclaimed.stream()
				.filter((r) -> r.applicationLineId().equals(line.applicationLineId()))
				.mapToLong((r) -> r.count() * r.unitsPerInstance(line.dimension()))
				.sum();
			quantities.put(line.position(), nothingLeft ? 0 : Math.max(0, line.quantity() - units));
		}
		return quantities;
	}

	/** Instances of one approved line and spec reclaimed on one day. */
	private record Reclaimed(UUID applicationLineId, Map<String, Object> spec, long count) {

		long unitsPerInstance(String dimension) {
			return Specs.unitsPerInstance(this.spec, dimension);
		}

	}

}
