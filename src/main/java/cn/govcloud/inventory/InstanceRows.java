package cn.govcloud.inventory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The instances a supplier records on a work order (Art. 4), in SQL: written, corrected,
 * removed, and whether a cloud id or an address is already the supplier's elsewhere.
 * Reading them with their order is {@link WorkOrderRepository}'s.
 */
@Repository
class InstanceRows {

	private final JdbcClient jdbc;

	private final Specs specs;

	InstanceRows(JdbcClient jdbc, Specs specs) {
		this.jdbc = jdbc;
		this.specs = specs;
	}

	Optional<UUID> orderOf(UUID instanceId) {
		return this.jdbc.sql("SELECT work_order_id FROM instance WHERE id = :id AND work_order_id IS NOT NULL")
			.param("id", instanceId)
			.query(UUID.class)
			.optional();
	}

	void insert(UUID id, WorkOrder order, WorkOrderLine line, InstanceCheck.Checked checked, Instant at) {
		this.jdbc
			.sql("""
					INSERT INTO instance (id, work_order_id, order_line_id, unit_id, supplier_id, system_id, kind_code, name,
					                      cloud_instance_id, spec, zone, state, created_at)
					VALUES (:id, :order, :line, :unit, :supplier, :system, :kind, :name, :cloudId, CAST(:spec AS jsonb), :zone,
					        'PROVISIONING', :at)
					""")
			.param("id", id)
			.param("order", order.id())
			.param("line", line.id())
			.param("unit", order.unitId())
			.param("supplier", order.supplierId())
			.param("system", order.systemId())
			.param("kind", line.kind())
			.param("name", checked.name())
			.param("cloudId", checked.cloudInstanceId())
			.param("spec", this.specs.write(checked.spec()))
			.param("zone", checked.zone())
			.param("at", Timestamp.from(at))
			.update();
		insertAddresses(id, order.supplierId(), checked.addresses());
	}

	void update(UUID id, UUID supplierId, InstanceCheck.Checked checked) {
		this.jdbc
			.sql("""
					UPDATE instance SET name = :name, cloud_instance_id = :cloudId, spec = CAST(:spec AS jsonb), zone = :zone
					WHERE id = :id
					""")
			.param("id", id)
			.param("name", checked.name())
			.param("cloudId", checked.cloudInstanceId())
			.param("spec", this.specs.write(checked.spec()))
			.param("zone", checked.zone())
			.update();
		this.jdbc.sql("DELETE FROM instance_address WHERE instance_id = :id").param("id", id).update();
		insertAddresses(id, supplierId, checked.addresses());
	}

	void delete(UUID id) {
		this.jdbc.sql("DELETE FROM instance WHERE id = :id").param("id", id).update();
	}

	/** Whether another instance of the supplier already has this cloud id. */
	boolean cloudIdTaken(UUID supplierId, String cloudId, UUID except) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM instance WHERE supplier_id = :supplier AND cloud_instance_id = :cloudId
				               AND id <> :except)
				""")
			.param("supplier", supplierId)
			.param("cloudId", cloudId)
			.param("except", except)
			.query(Boolean.class)
			.single();
	}

	/** Whether another instance of the supplier already has this address. */
	boolean addressTaken(UUID supplierId, String address, UUID except) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM instance_address WHERE supplier_id = :supplier
				               AND address = CAST(:address AS inet) AND instance_id <> :except)
				""")
			.param("supplier", supplierId)
			.param("address", address)
			.param("except", except)
			.query(Boolean.class)
			.single();
	}

	private void insertAddresses(UUID instanceId, UUID supplierId, List<String> addresses) {
		for (String address : addresses) {
			this.jdbc
				.sql("INSERT INTO instance_address (instance_id, supplier_id, address) "
						+ "VALUES (:id, :supplier, CAST(:address AS inet))")
				.param("id", instanceId)
				.param("supplier", supplierId)
				.param("address", address)
				.update();
		}
	}

}
