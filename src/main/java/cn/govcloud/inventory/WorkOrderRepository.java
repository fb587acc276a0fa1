package cn.govcloud.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.Sortable;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Filters;
import cn.govcloud.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Work orders and their lines in SQL, with the instances recorded on them as read. */
@Repository
class WorkOrderRepository {

	static final String INSTANCE_SELECT = """
			SELECT i.*, s.name AS system_name,
			       ARRAY(SELECT host(a.address) FROM instance_address a WHERE a.instance_id = i.id
			             ORDER BY a.address) AS addresses
			FROM instance i JOIN application_system s ON s.id = i.system_id
			""";

	private final JdbcClient jdbc;

	private final Specs specs;

	WorkOrderRepository(JdbcClient jdbc, Specs specs) {
		this.jdbc = jdbc;
		this.specs = specs;
	}

	/**
	 * Who sees a work order or an instance: its supplier (never another, even one that
	 * serves the same unit), its unit, the Commission.
	 */
	static DataScope.SqlFilter filter(DataScope scope, String alias) {
		return scope.sqlParty(alias + ".unit_id", alias + ".supplier_id");
	}

	Optional<WorkOrder> find(DataScope scope, UUID id, boolean lock) {
		DataScope.SqlFilter filter = filter(scope, "w");
		Optional<WorkOrder> order = filter.bind(this.jdbc.sql("""
				SELECT w.*, c.number AS contract_number, s.name AS system_name FROM work_order w
				JOIN contract c ON c.id = w.contract_id JOIN application_system s ON s.id = w.system_id
				WHERE w.id = :id AND %s %s
				""".formatted(filter.clause(), lock ? "FOR UPDATE OF w" : "")))
			.param("id", id)
			.query(this::mapOrder)
			.optional();
		return order.map(this::withLines);
	}

	/** The list's columns: the page's headers and the API's {@code sort}. */
	static final Sortable SORTABLE = Sortable.by("w.created_at DESC, w.id", "w.id")
		.field("contractNumber", "c.number")
		.field("kind", "w.kind")
		.field("unitName", "u.name")
		.field("supplierName", "p.name")
		.field("systemName", "s.name")
		.field("createdAt", "w.created_at")
		.field("status", "w.status");

	List<WorkOrderSummary> search(DataScope scope, WorkOrderStatus status, String orderBy, int offset, int limit) {
		Filters filters = filters(scope, status);
		return filters.bind(this.jdbc.sql("""
				SELECT w.id, w.kind, c.number, u.name AS unit_name, p.name AS supplier_name, s.name AS system_name,
				       w.status, w.created_at
				FROM work_order w JOIN contract c ON c.id = w.contract_id
				JOIN organization u ON u.id = w.unit_id JOIN organization p ON p.id = w.supplier_id
				JOIN application_system s ON s.id = w.system_id
				%s
				ORDER BY %s LIMIT :limit OFFSET :offset
				""".formatted(filters.where(), orderBy)))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new WorkOrderSummary(rs.getObject("id", UUID.class),
					WorkOrderKind.valueOf(rs.getString("kind")), rs.getString("number"), rs.getString("unit_name"),
					rs.getString("supplier_name"), rs.getString("system_name"),
					WorkOrderStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	long count(DataScope scope, WorkOrderStatus status) {
		Filters filters = filters(scope, status);
		return filters.bind(this.jdbc.sql("SELECT count(*) FROM work_order w" + filters.where()))
			.query(Long.class)
			.single();
	}

	private static Filters filters(DataScope scope, WorkOrderStatus status) {
		return new Filters(filter(scope, "w")).and("w.status = :status", "status",
				(status != null) ? status.name() : null);
	}

	int complete(UUID id, Instant at) {
		return this.jdbc
			.sql("UPDATE work_order SET status = 'COMPLETED', completed_at = :at WHERE id = :id "
					+ "AND status = 'OPEN'")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Conditional: of two decisions on one completed order, only the first changes it.
	 */
	int decide(UUID id, WorkOrderStatus to, String reason, UUID by, Instant at) {
		return this.jdbc.sql("""
				UPDATE work_order SET status = :to, reject_reason = :reason, decided_by = :by, decided_at = :at,
				       completed_at = CASE WHEN :to = 'OPEN' THEN NULL ELSE completed_at END
				WHERE id = :id AND status = 'COMPLETED'
				""")
			.param("id", id)
			.param("to", to.name())
			.param("reason", reason)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	void activate(UUID orderId, java.time.LocalDate from) {
		this.jdbc.sql("""
				UPDATE instance SET state = 'ACTIVE', active_from = :from
				WHERE work_order_id = :order AND state = 'PROVISIONING'
				""").param("order", orderId).param("from", java.sql.Date.valueOf(from)).update();
	}

	Instance mapInstance(ResultSet rs, int row) throws SQLException {
		java.sql.Date from = rs.getDate("active_from");
		java.sql.Date reclaimed = rs.getDate("reclaimed_on");
		return new Instance(rs.getObject("id", UUID.class), rs.getObject("work_order_id", UUID.class),
				rs.getObject("order_line_id", UUID.class), rs.getObject("unit_id", UUID.class),
				rs.getObject("supplier_id", UUID.class), rs.getObject("system_id", UUID.class),
				rs.getString("system_name"), rs.getString("kind_code"), rs.getString("name"),
				rs.getString("cloud_instance_id"), Arrays.asList((String[]) rs.getArray("addresses").getArray()),
				this.specs.read(rs.getString("spec")), rs.getString("zone"),
				InstanceState.valueOf(rs.getString("state")), (from != null) ? from.toLocalDate() : null,
				(reclaimed != null) ? reclaimed.toLocalDate() : null, rs.getObject("reclaim_order_id", UUID.class));
	}

	private WorkOrder withLines(WorkOrder order) {
		if (order.kind() == WorkOrderKind.RECLAIM) {
			return order.withLines(reclaimLines(order.id()));
		}
		if (order.kind() == WorkOrderKind.RESIZE) {
			return order.withLines(resizeLines(order.id()));
		}
		List<Instance> instances = this.jdbc.sql(INSTANCE_SELECT + " WHERE i.work_order_id = :id ORDER BY i.created_at")
			.param("id", order.id())
			.query(this::mapInstance)
			.list();
		return order.withLines(lines("ol.work_order_id = :id", order.id(), instances, false));
	}

	/**
	 * A reclaim order's lines: the provisioning lines of its instances, each allowing as
	 * many as are to be reclaimed.
	 */
	private List<WorkOrderLine> reclaimLines(UUID orderId) {
		List<Instance> instances = this.jdbc
			.sql(INSTANCE_SELECT + " WHERE i.reclaim_order_id = :id ORDER BY i.created_at")
			.param("id", orderId)
			.query(this::mapInstance)
			.list();
		return lines("ol.id IN (SELECT order_line_id FROM instance WHERE reclaim_order_id = :id)", orderId, instances,
				true);
	}

	/**
	 * A resize order's lines: the provisioning lines of its instances, each allowing as
	 * many as are to be resized.
	 */
	private List<WorkOrderLine> resizeLines(UUID orderId) {
		String resized = "(SELECT instance_id FROM work_order_resize WHERE work_order_id = :id)";
		List<Instance> instances = this.jdbc
			.sql(INSTANCE_SELECT + " WHERE i.id IN " + resized + " ORDER BY i.created_at")
			.param("id", orderId)
			.query(this::mapInstance)
			.list();
		return lines("ol.id IN (SELECT order_line_id FROM instance WHERE id IN " + resized + ")", orderId, instances,
				true);
	}

	private List<WorkOrderLine> lines(String where, UUID id, List<Instance> instances, boolean reclaim) {
		return this.jdbc
			.sql("SELECT ol.* FROM work_order_line ol JOIN work_order w ON w.id = ol.work_order_id WHERE " + where
					+ " ORDER BY w.created_at, ol.position")
			.param("id", id)
			.query((rs, n) -> {
				UUID lineId = rs.getObject("id", UUID.class);
				List<Instance> own = instances.stream().filter((i) -> lineId.equals(i.orderLineId())).toList();
				return new WorkOrderLine(lineId, reclaim ? n : rs.getInt("position"),
						rs.getObject("application_line_id", UUID.class), rs.getString("kind_code"),
						this.specs.read(rs.getString("approved_spec")), reclaim ? own.size() : rs.getInt("allowed"),
						own);
			})
			.list();
	}

	private WorkOrder mapOrder(ResultSet rs, int row) throws SQLException {
		return new WorkOrder(rs.getObject("id", UUID.class), WorkOrderKind.valueOf(rs.getString("kind")),
				rs.getObject("contract_id", UUID.class), rs.getString("contract_number"),
				rs.getObject("unit_id", UUID.class), rs.getObject("supplier_id", UUID.class),
				rs.getObject("system_id", UUID.class), rs.getString("system_name"),
				WorkOrderStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), instant(rs, "completed_at"),
				instant(rs, "decided_at"), rs.getString("reject_reason"),
				rs.getObject("reclaim_request_id", UUID.class), List.of());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return Timestamps.instant(value);
	}

}
