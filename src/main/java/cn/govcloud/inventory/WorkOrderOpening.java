package cn.govcloud.inventory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.contract.ContractFiled;
import cn.govcloud.contract.ContractLine;
import cn.govcloud.contract.ContractLines;
import cn.govcloud.contract.ContractOutline;
import cn.govcloud.notification.Inbox;
import cn.govcloud.notification.Notice;
import cn.govcloud.notification.NoticeCategory;
import cn.govcloud.request.ApplicationLine;
import cn.govcloud.request.ApplicationLines;
import cn.govcloud.request.LineDirection;
import cn.govcloud.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A filed contract opens one provisioning work order for its supplier (Art. 4). Each
 * approved application line the contract prices becomes an order line allowing as many
 * instances as both the approval and the contracted billing units allow (e.g. 16 vCPUs of
 * 8-vCPU hosts: 2). Runs from the event publication registry, once per contract (and once
 * per amendment adding resources, {@link AmendmentOrders}).
 */
@Component
class WorkOrderOpening {

	private final JdbcClient jdbc;

	private final Specs specs;

	private final Inbox inbox;

	private final ContractLines contracts;

	private final ApplicationLines applicationLines;

	WorkOrderOpening(JdbcClient jdbc, Specs specs, Inbox inbox, ContractLines contracts,
			ApplicationLines applicationLines) {
		this.jdbc = jdbc;
		this.specs = specs;
		this.inbox = inbox;
		this.contracts = contracts;
		this.applicationLines = applicationLines;
	}

	@ApplicationModuleListener
	void on(ContractFiled filed) {
		Map<UUID, Allowance> allowances = allowances(filed.contractId(), 1);
		open(filed.contractId(), 1, allowances.values(), filed.number());
	}

	/**
	 * Opens a provisioning order of a contract version with these allowances, once per
	 * contract version; tells the supplier's operators.
	 * @return the order, unless this version already has one
	 */
	Optional<UUID> open(UUID contractId, int version, Collection<Allowance> allowances, String number) {
		Optional<ContractOutline> contract = this.contracts.outline(contractId);
		if (contract.isEmpty()) {
			return Optional.empty();
		}
		UUID orderId = UUID.randomUUID();
		int inserted = this.jdbc
			.sql("""
					INSERT INTO work_order (id, kind, contract_id, contract_version, unit_id, supplier_id, system_id, status,
					                        created_at)
					VALUES (:id, 'PROVISION', :contract, :version, :unit, :supplier, :system, 'OPEN', :at)
					ON CONFLICT (contract_id, kind, contract_version) WHERE reclaim_request_id IS NULL DO NOTHING
					""")
			.param("id", orderId)
			.param("contract", contractId)
			.param("version", version)
			.param("unit", contract.get().unitId())
			.param("supplier", contract.get().supplierId())
			.param("system", contract.get().systemId())
			.param("at", java.sql.Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
			.update();
		if (inserted == 0) {
			return Optional.empty();
		}
		int position = 0;
		for (Allowance allowance : allowances) {
			this.jdbc.sql("""
					INSERT INTO work_order_line (id, work_order_id, position, application_line_id, kind_code,
					                             approved_spec, allowed)
					VALUES (:id, :order, :position, :line, :kind, CAST(:spec AS jsonb), :allowed)
					""")
				.param("id", UUID.randomUUID())
				.param("order", orderId)
				.param("position", position++)
				.param("line", allowance.applicationLineId())
				.param("kind", allowance.kind())
				.param("spec", this.specs.write(allowance.spec()))
				.param("allowed", allowance.allowed())
				.update();
		}
		this.inbox.notifyRole(contract.get().supplierId(), Role.SUPPLIER_OPERATOR,
				Notice.of(NoticeCategory.TASK, "notice.workOrder.opened", number).linkingTo("/work-orders/" + orderId));
		return Optional.of(orderId);
	}

	/**
	 * Per approved application line of a contract version: the approved quantity, lowered
	 * to what each contracted dimension pays for (billing units ÷ the spec's value of
	 * that dimension).
	 */
	Map<UUID, Allowance> allowances(UUID contractId, int version) {
		List<ContractLine> lines = this.contracts.outline(contractId)
			.map((contract) -> contract.lines(version))
			.orElse(List.of());
		Map<UUID, ApplicationLine> approved = this.applicationLines
			.byId(lines.stream().map(ContractLine::applicationLineId).toList());
		List<Priced> priced = new ArrayList<>();
		for (ContractLine line : lines) {
			ApplicationLine approvedLine = approved.get(line.applicationLineId());
			if (approvedLine != null && approvedLine.direction() == LineDirection.INCREASE
					&& approvedLine.approvedQuantity() != null && approvedLine.approvedQuantity() > 0) {
				priced.add(new Priced(line.applicationLineId(), approvedLine.kind(),
						(approvedLine.approvedSpec() != null) ? approvedLine.approvedSpec() : approvedLine.spec(),
						approvedLine.approvedQuantity(), line.dimension(), line.quantity()));
			}
		}
		Map<UUID, Allowance> result = new LinkedHashMap<>();
		for (Priced line : priced) {
			Allowance allowance = result.computeIfAbsent(line.applicationLineId,
					(id) -> new Allowance(id, line.kind, line.spec, line.approved));
			if (line.spec.get(line.dimension) instanceof Long perInstance && perInstance > 0) {
				result.put(line.applicationLineId,
						allowance.withAllowed((int) Math.min(allowance.allowed(), line.quantity / perInstance)));
			}
		}
		return result;
	}

	private record Priced(UUID applicationLineId, String kind, Map<String, Object> spec, int approved, String dimension,
			long quantity) {
	}

	/** How many instances of an approved line, of at most its spec, may be opened. */
	record Allowance(UUID applicationLineId, String kind, Map<String, Object> spec, int allowed) {

		Allowance withAllowed(int value) {
			return new Allowance(this.applicationLineId, this.kind, this.spec, value);
		}

	}

}
