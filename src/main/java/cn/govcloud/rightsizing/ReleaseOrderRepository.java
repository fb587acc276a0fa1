package cn.govcloud.rightsizing;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.catalogue.SpecJson;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions.Ledger;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Sortable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Release orders, their lines and history. */
@Repository
class ReleaseOrderRepository {

	/**
	 * The list's columns: the page's headers and the API's {@code sort}; newest first.
	 */
	static final Sortable SORTABLE = Sortable.by("o.issued_at DESC", "o.id")
		.field("number", "o.number")
		.field("status", "o.status")
		.field("issuedAt", "o.issued_at")
		.field("objectionDue", "o.objection_due")
		.field("effectiveOn", "o.effective_on")
		.field("monthlySaving", "o.monthly_saving");

	static final Ledger LEDGER = new Ledger("rightsizing_order", "status", "rightsizing_order_event", "order_id");

	private final JdbcClient jdbc;

	private final SpecJson json;

	ReleaseOrderRepository(JdbcClient jdbc, SpecJson json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	String nextNumber(int year) {
		long n = this.jdbc.sql("SELECT nextval('rightsizing_order_number')").query(Long.class).single();
		return "SF%d-%06d".formatted(year, n);
	}

	void insert(ReleaseOrder order) {
		this.jdbc.sql("""
				INSERT INTO rightsizing_order (id, number, unit_id, status, issued_by, issued_at, objection_due,
				                               monthly_saving)
				VALUES (:id, :number, :unit, :status, :by, :at, :due, :saving)
				""")
			.param("id", order.id())
			.param("number", order.number())
			.param("unit", order.unitId())
			.param("status", order.status().name())
			.param("by", order.issuedBy())
			.param("at", Timestamp.from(order.issuedAt()))
			.param("due", Date.valueOf(order.objectionDue()))
			.param("saving", OrderLine.total(order.lines()))
			.update();
		writeLines(order.id(), order.lines());
	}

	void replaceLines(UUID orderId, List<OrderLine> lines) {
		this.jdbc.sql("DELETE FROM rightsizing_order_line WHERE order_id = :id").param("id", orderId).update();
		writeLines(orderId, lines);
		this.jdbc.sql("UPDATE rightsizing_order SET monthly_saving = :saving WHERE id = :id")
			.param("id", orderId)
			.param("saving", OrderLine.total(lines))
			.update();
	}

	private void writeLines(UUID orderId, List<OrderLine> lines) {
		for (OrderLine line : lines) {
			this.jdbc
				.sql("""
						INSERT INTO rightsizing_order_line (order_id, position, recommendation_id, instance_id, instance_name,
						    kind_code, action, current_spec, ordered_spec, unit_prices, monthly_saving)
						VALUES (:order, :position, :recommendation, :instance, :name, :kind, :action, CAST(:current AS jsonb),
						    CAST(:ordered AS jsonb), CAST(:prices AS jsonb), :saving)
						""")
				.param("order", orderId)
				.param("position", line.position())
				.param("recommendation", line.recommendationId())
				.param("instance", line.instanceId())
				.param("name", line.instanceName())
				.param("kind", line.kind())
				.param("action", line.action().name())
				.param("current", this.json.write(line.currentSpec()))
				.param("ordered", (line.orderedSpec() != null) ? this.json.write(line.orderedSpec()) : null)
				.param("prices", this.json.write(PriceText.write(line.unitPrices())))
				.param("saving", line.monthlySaving())
				.update();
		}
	}

	void attach(UUID orderId, String name, byte[] content) {
		this.jdbc.sql("UPDATE rightsizing_order SET document_name = :name, document = :content WHERE id = :id")
			.param("id", orderId)
			.param("name", name)
			.param("content", content)
			.update();
	}

	Optional<byte[]> document(UUID orderId) {
		return this.jdbc.sql("SELECT document FROM rightsizing_order WHERE id = :id AND document IS NOT NULL")
			.param("id", orderId)
			.query(byte[].class)
			.optional();
	}

	Optional<ReleaseOrder> findById(UUID id) {
		return find("o.id = :id", Map.of("id", id)).stream().findFirst();
	}

	/** Issued orders whose objection period ended before {@code today}. */
	List<UUID> lapsing(LocalDate today) {
		return this.jdbc.sql("SELECT id FROM rightsizing_order WHERE status = 'ISSUED' AND objection_due < :today")
			.param("today", Date.valueOf(today))
			.query(UUID.class)
			.list();
	}

	/** Standing orders effective on or before {@code today} and not yet carried out. */
	List<UUID> toCarryOut(LocalDate today) {
		return this.jdbc.sql("""
				SELECT id FROM rightsizing_order WHERE carried_out_at IS NULL AND effective_on <= :today
				  AND status IN ('ACCEPTED', 'LAPSED', 'UPHELD', 'MODIFIED') ORDER BY effective_on, number
				""").param("today", Date.valueOf(today)).query(UUID.class).list();
	}

	/** Marks a due standing order carried out; false when another run did. */
	boolean claim(UUID id, LocalDate today, Instant at) {
		return this.jdbc.sql("""
				UPDATE rightsizing_order SET carried_out_at = :at
				WHERE id = :id AND carried_out_at IS NULL AND effective_on <= :today
				  AND status IN ('ACCEPTED', 'LAPSED', 'UPHELD', 'MODIFIED')
				""").param("id", id).param("today", Date.valueOf(today)).param("at", Timestamp.from(at)).update() == 1;
	}

	/**
	 * Who issued the order (the Commission's manager), for the amendments made for it.
	 */
	UUID issuer(UUID id) {
		return this.jdbc
			.sql("SELECT actor_id FROM rightsizing_order_event WHERE order_id = :id AND action = 'issued' LIMIT 1")
			.param("id", id)
			.query(UUID.class)
			.single();
	}

	void carriedOut(UUID orderId, CarriedOut contract) {
		this.jdbc.sql("""
				INSERT INTO rightsizing_order_contract (order_id, contract_id, contract_number, version, effective_from,
				    billed_before, billed_after, reclaim_order_id, resize_order_id)
				VALUES (:order, :contract, :number, :version, :from, :before, :after, :reclaim, :resize)
				""")
			.param("order", orderId)
			.param("contract", contract.contractId())
			.param("number", contract.contractNumber())
			.param("version", contract.version())
			.param("from", Date.valueOf(contract.from()))
			.param("before", contract.billedBefore())
			.param("after", contract.billedAfter())
			.param("reclaim", contract.reclaimOrderId())
			.param("resize", contract.resizeOrderId())
			.update();
	}

	/** The contracts a carried-out order amended, by number. */
	List<CarriedOut> carriedOut(UUID orderId) {
		return this.jdbc.sql("SELECT * FROM rightsizing_order_contract WHERE order_id = :id ORDER BY contract_number")
			.param("id", orderId)
			.query((rs, n) -> new CarriedOut(rs.getObject("contract_id", UUID.class), rs.getString("contract_number"),
					rs.getInt("version"), rs.getDate("effective_from").toLocalDate(), rs.getBigDecimal("billed_before"),
					rs.getBigDecimal("billed_after"), rs.getObject("reclaim_order_id", UUID.class),
					rs.getObject("resize_order_id", UUID.class)))
			.list();
	}

	/** Instances already in an order that is not withdrawn: one order at a time. */
	List<UUID> ordered(List<UUID> instanceIds) {
		return this.jdbc.sql("""
				SELECT l.instance_id FROM rightsizing_order_line l JOIN rightsizing_order o ON o.id = l.order_id
				WHERE o.status <> 'WITHDRAWN' AND l.instance_id = ANY(:ids)
				""").param("ids", instanceIds.toArray(UUID[]::new)).query(UUID.class).list();
	}

	/**
	 * A page of the orders in the scope, with a status when given, in {@code sort}'s
	 * order.
	 */
	Page<ReleaseOrder> search(DataScope scope, OrderStatus status, String sort, int page, int size) {
		Page.Request request = Page.request(page, size, SORTABLE.parse(sort));
		DataScope.SqlFilter scoped = scope.sql("o.unit_id");
		String where = scoped.clause() + " AND (CAST(:status AS varchar) IS NULL OR o.status = :status)";
		long total = scoped.bind(this.jdbc.sql("SELECT count(*) FROM rightsizing_order o WHERE " + where))
			.param("status", (status != null) ? status.name() : null)
			.query(Long.class)
			.single();
		List<ReleaseOrder> orders = new ArrayList<>();
		for (ReleaseOrder head : scoped
			.bind(this.jdbc.sql("SELECT o.* FROM rightsizing_order o WHERE " + where + " ORDER BY "
					+ SORTABLE.orderBy(request.order()) + " LIMIT :limit OFFSET :offset"))
			.param("status", (status != null) ? status.name() : null)
			.param("limit", request.size())
			.param("offset", request.offset())
			.query(this::head)
			.list()) {
			orders.add(withLines(head));
		}
		return request.of(orders, total);
	}

	List<ReleaseOrder> find(String where, Map<String, ?> params) {
		List<ReleaseOrder> orders = new ArrayList<>();
		for (ReleaseOrder head : this.jdbc.sql("SELECT o.* FROM rightsizing_order o WHERE " + where)
			.params(params)
			.query(this::head)
			.list()) {
			orders.add(withLines(head));
		}
		return orders;
	}

	private ReleaseOrder withLines(ReleaseOrder o) {
		List<OrderLine> lines = this.jdbc
			.sql("SELECT * FROM rightsizing_order_line WHERE order_id = :id ORDER BY position")
			.param("id", o.id())
			.query(this::line)
			.list();
		return new ReleaseOrder(o.id(), o.number(), o.unitId(), o.status(), o.issuedBy(), o.issuedAt(),
				o.objectionDue(), o.answeredBy(), o.answeredAt(), o.objectionReason(), o.documentName(), o.decidedBy(),
				o.decidedAt(), o.decisionReason(), o.effectiveOn(), o.monthlySaving(), lines);
	}

	private ReleaseOrder head(ResultSet rs, int n) throws SQLException {
		return new ReleaseOrder(rs.getObject("id", UUID.class), rs.getString("number"),
				rs.getObject("unit_id", UUID.class), OrderStatus.valueOf(rs.getString("status")),
				rs.getString("issued_by"), instant(rs, "issued_at"), rs.getDate("objection_due").toLocalDate(),
				rs.getString("answered_by"), instant(rs, "answered_at"), rs.getString("objection_reason"),
				rs.getString("document_name"), rs.getString("decided_by"), instant(rs, "decided_at"),
				rs.getString("decision_reason"), date(rs, "effective_on"), rs.getBigDecimal("monthly_saving"),
				List.of());
	}

	private OrderLine line(ResultSet rs, int n) throws SQLException {
		String ordered = rs.getString("ordered_spec");
		Map<String, BigDecimal> prices = PriceText.read(this.json.read(rs.getString("unit_prices")));
		return new OrderLine(rs.getInt("position"), rs.getObject("recommendation_id", UUID.class),
				rs.getObject("instance_id", UUID.class), rs.getString("instance_name"), rs.getString("kind_code"),
				Action.valueOf(rs.getString("action")), this.json.read(rs.getString("current_spec")),
				(ordered != null) ? this.json.read(ordered) : null, prices, rs.getBigDecimal("monthly_saving"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return (at != null) ? at.toInstant() : null;
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		Date day = rs.getDate(column);
		return (day != null) ? day.toLocalDate() : null;
	}

}
