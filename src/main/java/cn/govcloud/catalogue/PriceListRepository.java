package cn.govcloud.catalogue;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.Sortable;
import cn.govcloud.catalogue.PriceListForm.Line;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Price lists and their lines in SQL. */
@Repository
class PriceListRepository {

	/** Serialises the recording of price lists: the overlap check sees every line. */
	static final long RECORDING_LOCK = 7418;

	private static final String LISTS = """
			SELECT p.*, o.name AS supplier_name, u.display_name AS created_by_name, s.tender_number AS supersedes_tender,
			       (SELECT count(*) FROM price_line l WHERE l.price_list_id = p.id) AS line_count,
			       EXISTS (SELECT 1 FROM price_list n WHERE n.supersedes = p.id) AS superseded
			FROM price_list p JOIN organization o ON o.id = p.supplier_id
			LEFT JOIN app_user u ON u.id = p.created_by LEFT JOIN price_list s ON s.id = p.supersedes
			""";

	private static final String FILTER = """
			WHERE (CAST(:supplier AS uuid) IS NULL OR p.supplier_id = :supplier)
			  AND EXISTS (SELECT 1 FROM price_line l WHERE l.price_list_id = p.id
			              AND (CAST(:kind AS varchar) IS NULL OR l.kind_code = :kind)
			              AND (CAST(:on AS date) IS NULL
			                   OR (l.effective_from <= :on AND (l.effective_to IS NULL OR l.effective_to >= :on))))
			""";

	private final JdbcClient jdbc;

	PriceListRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void lock() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", RECORDING_LOCK).query().singleRow();
	}

	boolean tenderTaken(UUID supplierId, String tenderNumber) {
		return this.jdbc.sql("SELECT count(*) FROM price_list WHERE supplier_id = :s AND tender_number = :t")
			.param("s", supplierId)
			.param("t", tenderNumber)
			.query(Long.class)
			.single() > 0;
	}

	void insert(UUID id, PriceListForm form, UUID createdBy) {
		this.jdbc
			.sql("""
					INSERT INTO price_list (id, supplier_id, tender_number, awarded_on, note, supersedes, created_by, created_at)
					VALUES (:id, :supplier, :tender, :awarded, :note, :supersedes, :createdBy, :now)
					""")
			.param("id", id)
			.param("supplier", form.supplierId())
			.param("tender", form.tenderNumber())
			.param("awarded", Date.valueOf(form.awardedOn()))
			.param("note", form.note())
			.param("supersedes", form.supersedes())
			.param("createdBy", createdBy)
			.param("now", Timestamp.from(Instant.now()))
			.update();
	}

	void insertLine(UUID list, UUID supplier, Line line) {
		this.jdbc.sql("""
				INSERT INTO price_line (id, price_list_id, supplier_id, kind_code, dimension, billing_unit, unit_price,
				                        effective_from, effective_to)
				VALUES (:id, :list, :supplier, :kind, :dimension, :unit, :price, :from, :to)
				""")
			.param("id", UUID.randomUUID())
			.param("list", list)
			.param("supplier", supplier)
			.param("kind", line.kind())
			.param("dimension", line.dimension())
			.param("unit", line.billingUnit().name())
			.param("price", line.unitPrice().setScale(2))
			.param("from", Date.valueOf(line.effectiveFrom()))
			.param("to", date(line.effectiveTo()))
			.update();
	}

	/** Cuts a line short; its end as awarded is kept the first time. */
	void cutShort(UUID lineId, LocalDate newEnd, UUID by) {
		this.jdbc
			.sql("""
					UPDATE price_line SET awarded_to = CASE WHEN superseded_by IS NULL THEN effective_to ELSE awarded_to END,
					                      effective_to = :end, superseded_by = :by
					WHERE id = :id
					""")
			.param("id", lineId)
			.param("end", Date.valueOf(newEnd))
			.param("by", by)
			.update();
	}

	/** Every line of a supplier, for the overlap and supersede rules. */
	List<RecordedLine> recorded(UUID supplierId) {
		return this.jdbc
			.sql("""
					SELECT l.id, l.price_list_id, p.tender_number, l.kind_code, l.dimension, l.effective_from, l.effective_to
					FROM price_line l JOIN price_list p ON p.id = l.price_list_id WHERE l.supplier_id = :supplier
					""")
			.param("supplier", supplierId)
			.query((rs, n) -> new RecordedLine(rs.getObject("id", UUID.class),
					rs.getObject("price_list_id", UUID.class), rs.getString("tender_number"), rs.getString("kind_code"),
					rs.getString("dimension"),
					new EffectivePeriod(rs.getDate("effective_from").toLocalDate(), local(rs.getDate("effective_to")))))
			.list();
	}

	/**
	 * The list's columns: the page's headers and the API's {@code sort} ({@code lines}
	 * and {@code superseded} are output columns of {@link #LISTS}).
	 */
	static final Sortable SORTABLE = Sortable.by("p.awarded_on DESC, p.created_at DESC, p.id", "p.id")
		.field("tenderNumber", "p.tender_number")
		.field("supplierName", "o.name")
		.field("awardedOn", "p.awarded_on")
		.field("lines", "line_count")
		.field("note", "p.note")
		.field("superseded", "superseded");

	List<PriceListSummary> search(PriceListFilter filter, String orderBy, int offset, int limit) {
		return filter(this.jdbc.sql(LISTS + FILTER + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset"), filter)
			.param("limit", limit)
			.param("offset", offset)
			.query(PriceListRepository::summary)
			.list();
	}

	long count(PriceListFilter filter) {
		return filter(this.jdbc.sql("SELECT count(*) FROM price_list p " + FILTER), filter).query(Long.class).single();
	}

	Optional<PriceList> find(UUID id) {
		return this.jdbc.sql(LISTS + " WHERE p.id = :id").param("id", id).query((rs, n) -> list(rs)).optional();
	}

	List<UUID> ids(UUID supplierId) {
		return this.jdbc.sql("SELECT id FROM price_list WHERE supplier_id = :s ORDER BY awarded_on, created_at")
			.param("s", supplierId)
			.query(UUID.class)
			.list();
	}

	private PriceList list(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		UUID supersedes = rs.getObject("supersedes", UUID.class);
		List<PriceList.Ref> later = this.jdbc
			.sql("SELECT id, tender_number FROM price_list WHERE supersedes = :id ORDER BY created_at")
			.param("id", id)
			.query((r, n) -> new PriceList.Ref(r.getObject("id", UUID.class), r.getString("tender_number")))
			.list();
		return new PriceList(id, rs.getObject("supplier_id", UUID.class), rs.getString("supplier_name"),
				rs.getString("tender_number"), rs.getDate("awarded_on").toLocalDate(), rs.getString("note"),
				rs.getString("created_by_name"), rs.getTimestamp("created_at").toInstant(),
				(supersedes != null) ? new PriceList.Ref(supersedes, rs.getString("supersedes_tender")) : null, later,
				lines(id));
	}

	private List<PriceLine> lines(UUID listId) {
		return this.jdbc.sql("""
				SELECT l.*, s.tender_number AS superseded_by_tender FROM price_line l
				LEFT JOIN price_list s ON s.id = l.superseded_by
				JOIN resource_kind k ON k.code = l.kind_code
				WHERE l.price_list_id = :id
				ORDER BY k.sort_order, l.kind_code,
				         (SELECT e.n FROM jsonb_array_elements(k.spec_fields) WITH ORDINALITY AS e(field, n)
				          WHERE e.field ->> 'name' = l.dimension) NULLS LAST, l.effective_from
				""").param("id", listId).query((rs, n) -> {
			UUID by = rs.getObject("superseded_by", UUID.class);
			return new PriceLine(rs.getObject("id", UUID.class), rs.getString("kind_code"), rs.getString("dimension"),
					BillingUnit.valueOf(rs.getString("billing_unit")), rs.getBigDecimal("unit_price"),
					rs.getDate("effective_from").toLocalDate(), local(rs.getDate("effective_to")),
					local(rs.getDate("awarded_to")),
					(by != null) ? new PriceList.Ref(by, rs.getString("superseded_by_tender")) : null);
		}).list();
	}

	private static PriceListSummary summary(ResultSet rs, int row) throws SQLException {
		return new PriceListSummary(rs.getObject("id", UUID.class), rs.getObject("supplier_id", UUID.class),
				rs.getString("supplier_name"), rs.getString("tender_number"), rs.getDate("awarded_on").toLocalDate(),
				rs.getString("note"), rs.getTimestamp("created_at").toInstant(), rs.getInt("line_count"),
				rs.getBoolean("superseded"));
	}

	private static JdbcClient.StatementSpec filter(JdbcClient.StatementSpec statement, PriceListFilter filter) {
		return statement.param("supplier", filter.supplierId())
			.param("kind", filter.kind())
			.param("on", date(filter.inForceOn()));
	}

	private static Date date(LocalDate day) {
		return (day != null) ? Date.valueOf(day) : null;
	}

	private static LocalDate local(Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

}
