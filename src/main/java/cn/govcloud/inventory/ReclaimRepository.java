package cn.govcloud.inventory;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reclaim orders and the reclaiming of instances in SQL. */
@Repository
class ReclaimRepository {

	private final JdbcClient jdbc;

	ReclaimRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
	 * @return whether it was opened (not already there)
	 */
	boolean insertOrder(UUID id, UUID terminationId, UUID contractId, Integer version, Instant at) {
		return this.jdbc
			.sql("""
					INSERT INTO work_order (id, kind, contract_id, contract_version, unit_id, supplier_id, system_id, status,
					                        created_at, termination_id)
					SELECT :id, 'RECLAIM', c.id, coalesce(CAST(:version AS int), c.version), c.unit_id, c.supplier_id,
					       c.system_id, 'OPEN', :at, :termination
					FROM contract c WHERE c.id = :contract
					ON CONFLICT DO NOTHING
					""")
			.param("id", id)
			.param("contract", contractId)
			.param("version", version)
			.param("at", Timestamp.from(at))
			.param("termination", terminationId)
			.update() == 1;
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
		return this.jdbc.sql("""
				SELECT v.effective_from FROM work_order w
				JOIN contract_version v ON v.contract_id = w.contract_id AND v.version = w.contract_version
				WHERE w.id = :id AND w.termination_id IS NULL
				""").param("id", orderId).query(LocalDate.class).optional();
	}

	/**
	 * The first day a new contract version may start: the day after the current version's
	 * start (or that very day when an amendment already started then).
	 */
	Optional<LocalDate> currentVersionStart(UUID contractId) {
		return this.jdbc.sql("""
				SELECT v.effective_from FROM contract c
				JOIN contract_version v ON v.contract_id = c.id AND v.version = c.version WHERE c.id = :id
				""").param("id", contractId).query(LocalDate.class).optional();
	}

}
