package cn.govcloud.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.govcloud.contract.ContractAmended;
import cn.govcloud.contract.ContractLines;
import cn.govcloud.inventory.WorkOrderOpening.Allowance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An amendment of a filed contract changes what the supplier must run (Art. 4, 9): per
 * approved line, more than is open or opening gets a provisioning order for the
 * difference; fewer than are live gets a reclaim order for the newest active instances
 * (the amendment already ended their billing, so the reclaim does not amend again). An
 * amendment recording a reclaim changes nothing here. Once per contract version.
 */
@Component
class AmendmentOrders {

	private final JdbcClient jdbc;

	private final WorkOrderOpening opening;

	private final ReclaimOrders reclaims;

	private final ContractLines contracts;

	AmendmentOrders(JdbcClient jdbc, WorkOrderOpening opening, ReclaimOrders reclaims, ContractLines contracts) {
		this.jdbc = jdbc;
		this.opening = opening;
		this.reclaims = reclaims;
		this.contracts = contracts;
	}

	@ApplicationModuleListener
	void on(ContractAmended amended) {
		if (amended.byReclaim()) {
			return;
		}
		String number = this.contracts.outline(amended.contractId()).orElseThrow().number();
		List<Allowance> more = new ArrayList<>();
		List<UUID> fewer = new ArrayList<>();
		for (Allowance allowance : this.opening.allowances(amended.contractId(), amended.version()).values()) {
			long capacity = count("""
					SELECT coalesce(sum(ol.allowed), 0) - (SELECT count(*) FROM instance i JOIN work_order_line l
					        ON l.id = i.order_line_id JOIN work_order w ON w.id = l.work_order_id
					        WHERE w.contract_id = :contract AND l.application_line_id = :line
					          AND i.state IN ('RECLAIMING', 'RECLAIMED'))
					FROM work_order_line ol JOIN work_order w ON w.id = ol.work_order_id
					WHERE w.contract_id = :contract AND ol.application_line_id = :line
					""", amended.contractId(), allowance.applicationLineId());
			if (allowance.allowed() > capacity) {
				more.add(allowance.withAllowed((int) (allowance.allowed() - capacity)));
			}
			fewer.addAll(surplus(amended.contractId(), allowance));
		}
		if (!more.isEmpty()) {
			this.opening.open(amended.contractId(), amended.version(), more, number);
		}
		if (!fewer.isEmpty()) {
			reclaim(amended, fewer, number);
		}
	}

	/** The newest active instances beyond what the line now allows. */
	private List<UUID> surplus(UUID contractId, Allowance allowance) {
		return this.jdbc.sql("""
				SELECT i.id FROM instance i JOIN work_order_line l ON l.id = i.order_line_id
				JOIN work_order w ON w.id = l.work_order_id
				WHERE w.contract_id = :contract AND l.application_line_id = :line AND i.state = 'ACTIVE'
				ORDER BY i.created_at DESC
				OFFSET greatest(0, :allowed - (SELECT count(*) FROM instance p JOIN work_order_line pl
				        ON pl.id = p.order_line_id JOIN work_order pw ON pw.id = pl.work_order_id
				        WHERE pw.contract_id = :contract AND pl.application_line_id = :line
				          AND p.state = 'PROVISIONING'))
				""")
			.param("contract", contractId)
			.param("line", allowance.applicationLineId())
			.param("allowed", allowance.allowed())
			.query(UUID.class)
			.list();
	}

	private void reclaim(ContractAmended amended, List<UUID> instances, String number) {
		this.reclaims.openForAmendment(amended.contractId(), amended.version(), instances, number);
	}

	private long count(String sql, UUID contractId, UUID lineId) {
		return this.jdbc.sql(sql).param("contract", contractId).param("line", lineId).query(Long.class).single();
	}

}
