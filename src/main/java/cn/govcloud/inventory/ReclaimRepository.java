package cn.govcloud.inventory;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.contract.ContractLines;
import cn.govcloud.contract.ContractOutline;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reclaim orders and the reclaiming of instances in SQL; the contract's parties and
 * versions through {@link ContractLines}.
 */
@Repository
class ReclaimRepository {

	private final JdbcClient jdbc;

	private final ContractLines contracts;

	ReclaimRepository(JdbcClient jdbc, ContractLines contracts) {
		this.jdbc = jdbc;
		this.contracts = contracts;
	}

	/** An active instance to reclaim, with the contract whose order opened it. */
	record Reclaimable(UUID id, UUID contractId, UUID unitId, UUID supplierId, UUID systemId) {
	}

	/**
	 * The system's active instances, locked; all of them, or those named.
	 */
	List<Reclaimable> active(UUID systemId, List<UUID> only) {
		return this.jdbc.sql("""
				SELECT i.id, w.contract_id, i.unit_id, i.supplier_id, i.system_id FROM instance i
				JOIN work_order w ON w.id = i.work_order_id
				WHERE i.system_id = :system AND i.state = 'ACTIVE'
				  AND (CAST(:all AS boolean) OR i.id = ANY(:only))
				ORDER BY w.contract_id, i.created_at FOR UPDATE OF i
				""")
			.param("system", systemId)
			.param("all", only == null)
			.param("only", (only != null) ? only.toArray(UUID[]::new) : new UUID[0])
			.query((rs, n) -> new Reclaimable(rs.getObject("id", UUID.class), rs.getObject("contract_id", UUID.class),
					rs.getObject("unit_id", UUID.class), rs.getObject("supplier_id", UUID.class),
					rs.getObject("system_id", UUID.class)))
			.list();
	}

	/** Whether the system has instances still being provisioned (not yet accepted). */
	boolean provisioning(UUID systemId) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM instance WHERE system_id = :system " + "AND state = 'PROVISIONING')")
			.param("system", systemId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A reclaim order of a contract for its supplier: a termination's (one per
	 * termination and contract) or an amendment's (one per contract version).
	 * @param terminationId the termination the order carries out, kept as the order's
	 * {@code reclaim_request_id} (inventory does not know the termination module)
	 * @param version the amendment's version, or {@code null} for the version in force
	 * @return whether it was opened (not already there)
	 */
	boolean insertOrder(UUID id, UUID terminationId, UUID contractId, Integer version, Instant at) {
		return insertOrder(id, WorkOrderKind.RECLAIM, terminationId, contractId, version, at);
	}

	/**
	 * A reclaim or resize order of a contract for its supplier, unless already there (see
	 * {@link #insertOrder(UUID, UUID, UUID, Integer, Instant)}).
	 */
	boolean insertOrder(UUID id, WorkOrderKind kind, UUID requestId, UUID contractId, Integer version, Instant at) {
		Optional<ContractOutline> contract = this.contracts.outline(contractId);
		if (contract.isEmpty()) {
			return false;
		}
		return this.jdbc
			.sql("""
					INSERT INTO work_order (id, kind, contract_id, contract_version, unit_id, supplier_id, system_id, status,
					                        created_at, reclaim_request_id)
					VALUES (:id, :kind, :contract, :version, :unit, :supplier, :system, 'OPEN', :at, :request)
					ON CONFLICT DO NOTHING
					""")
			.param("id", id)
			.param("contract", contractId)
			.param("version", (version != null) ? version : contract.get().version())
			.param("unit", contract.get().unitId())
			.param("supplier", contract.get().supplierId())
			.param("system", contract.get().systemId())
			.param("at", Timestamp.from(at))
			.param("request", requestId)
			.param("kind", kind.name())
			.update() == 1;
	}

	/**
	 * The reclaim orders opened for one request (a termination), and their latest reclaim
	 * date.
	 */
	ReclaimProgress progress(UUID requestId) {
		return this.jdbc.sql("""
				SELECT (SELECT count(*) FROM work_order WHERE reclaim_request_id = :request AND status = 'OPEN'),
				       (SELECT max(i.reclaimed_on) FROM instance i JOIN work_order w ON w.id = i.reclaim_order_id
				        WHERE w.reclaim_request_id = :request)
				""")
			.param("request", requestId)
			.query((rs, n) -> new ReclaimProgress(rs.getInt(1),
					(rs.getDate(2) != null) ? rs.getDate(2).toLocalDate() : null))
			.single();
	}

	UUID supplierOf(UUID orderId) {
		return this.jdbc.sql("SELECT supplier_id FROM work_order WHERE id = :id")
			.param("id", orderId)
			.query(UUID.class)
			.single();
	}

	void markReclaiming(UUID orderId, List<UUID> instances) {
		this.jdbc.sql("UPDATE instance SET state = 'RECLAIMING', reclaim_order_id = :order WHERE id = ANY(:ids)")
			.param("order", orderId)
			.param("ids", instances.toArray(UUID[]::new))
			.update();
	}

	Optional<UUID> reclaimOrderOf(UUID instanceId) {
		return this.jdbc.sql("SELECT reclaim_order_id FROM instance WHERE id = :id AND reclaim_order_id IS NOT NULL")
			.param("id", instanceId)
			.query(UUID.class)
			.optional();
	}

	void reclaim(UUID instanceId, LocalDate on) {
		this.jdbc.sql("UPDATE instance SET state = 'RECLAIMED', reclaimed_on = :on WHERE id = :id")
			.param("id", instanceId)
			.param("on", Date.valueOf(on))
			.update();
	}

	/** Completes the order when none of its instances is left to reclaim. */
	boolean completeIfDone(UUID orderId, Instant at) {
		return this.jdbc.sql("""
				UPDATE work_order SET status = 'COMPLETED', completed_at = :at
				WHERE id = :id AND status = 'OPEN'
				  AND NOT EXISTS (SELECT 1 FROM instance WHERE reclaim_order_id = :id AND state = 'RECLAIMING')
				""").param("id", orderId).param("at", Timestamp.from(at)).update() == 1;
	}

	/**
	 * Nothing of the system is left: every instance reclaimed, no provisioning order
	 * waiting.
	 */
	boolean systemEmpty(UUID systemId) {
		return this.jdbc.sql("""
				SELECT NOT EXISTS (SELECT 1 FROM instance WHERE system_id = :system AND state <> 'RECLAIMED')
				   AND NOT EXISTS (SELECT 1 FROM work_order WHERE system_id = :system AND kind = 'PROVISION'
				                   AND status <> 'ACCEPTED')
				""").param("system", systemId).query(Boolean.class).single();
	}

	/**
	 * The day an amendment's reclaim order took effect: its instances' last billed day is
	 * the day before. Empty for a termination's order.
	 */
	Optional<LocalDate> amendmentStart(UUID orderId) {
		return this.jdbc
			.sql("SELECT contract_id, contract_version FROM work_order WHERE id = :id AND reclaim_request_id IS NULL")
			.param("id", orderId)
			.query((rs, n) -> new OrderVersion(rs.getObject(1, UUID.class), rs.getInt(2)))
			.optional()
			.flatMap((order) -> this.contracts.outline(order.contractId())
				.map((contract) -> contract.versionStarts().get(order.version())));
	}

	private record OrderVersion(UUID contractId, int version) {
	}

	/**
	 * The first day a new contract version may start: the day after the current version's
	 * start (or that very day when an amendment already started then).
	 */
	Optional<LocalDate> currentVersionStart(UUID contractId) {
		return this.contracts.outline(contractId).map((contract) -> contract.versionStarts().get(contract.version()));
	}

}
