package cn.govcloud.contract;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.request.ApplicationId;
import cn.govcloud.shared.SortOrder;
import cn.govcloud.shared.Sortable;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Filters;
import cn.govcloud.shared.Decisions.Ledger;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.SupplierId;
import cn.govcloud.shared.SystemId;
import cn.govcloud.shared.UnitId;
import cn.govcloud.shared.Text;
import cn.govcloud.shared.Timestamps;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ContractRepository {

	/**
	 * Where contracts are decided: their status, and their history in
	 * {@code contract_event}.
	 */
	static final Ledger LEDGER = new Ledger("contract", "status", "contract_event", "contract_id");

	/**
	 * What lists filter and sort by is joined; what is only shown (the application's
	 * number, the people's names) is read for the rows returned. Seven joined tables took
	 * PostgreSQL 6–9 ms to plan for each list, more than running it (issue 13, ADR 0052).
	 */
	private static final String SELECT = """
			SELECT c.*, u.name AS unit_name, s.name AS supplier_name, sys.name AS system_name,
			       (SELECT a.number FROM resource_application a WHERE a.id = c.application_id) AS application_number,
			       (SELECT cb.display_name FROM app_user cb WHERE cb.id = c.created_by) AS created_by_name,
			       (SELECT db.display_name FROM app_user db WHERE db.id = c.decided_by) AS decided_by_name,
			       EXISTS (SELECT 1 FROM contract_document d WHERE d.contract_id = c.id) AS has_document
			FROM contract c
			JOIN organization u ON u.id = c.unit_id
			JOIN organization s ON s.id = c.supplier_id
			JOIN application_system sys ON sys.id = c.system_id
			""";

	private final JdbcClient jdbc;

	ContractRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredContract> findById(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).query(ContractRepository::map).optional();
	}

	boolean existsForApplication(UUID applicationId) {
		return this.jdbc.sql("SELECT count(*) FROM contract WHERE application_id = :id")
			.param("id", applicationId)
			.query(Long.class)
			.single() > 0;
	}

	void lock(UUID id) {
		this.jdbc.sql("SELECT id FROM contract WHERE id = :id FOR UPDATE").param("id", id).query().listOfRows();
	}

	/**
	 * The list's columns: the page's headers and the API's {@code sort}. Its default
	 * order is the newest first, the filing queue's the oldest submitted first.
	 */
	static final Sortable SORTABLE = Sortable.by("c.created_at DESC", "c.id")
		.field("number", "c.number")
		.field("contractCode", "c.contract_code")
		.field("unitName", "u.name")
		.field("supplierName", "s.name")
		.field("systemName", "sys.name")
		.field("status", "c.status")
		.field("termStart", "c.term_start")
		.field("termEnd", "c.term_end")
		.field("submittedAt", "c.submitted_at");

	List<StoredContract> search(DataScope scope, ContractStatus status, String text, SortOrder sort, int offset,
			int limit) {
		String order = (sort == null && status == ContractStatus.SUBMITTED) ? "c.submitted_at" : SORTABLE.orderBy(sort);
		Filters filters = filters(scope, status, text);
		return filters
			.bind(this.jdbc.sql(SELECT + filters.where() + " ORDER BY " + order + " LIMIT :limit OFFSET :offset"))
			.param("limit", limit)
			.param("offset", offset)
			.query(ContractRepository::map)
			.list();
	}

	long count(DataScope scope, ContractStatus status, String text) {
		Filters filters = filters(scope, status, text);
		// the joins only for the text filter (every contract has its unit and system)
		String from = filters.has("text") ? """
				contract c JOIN organization u ON u.id = c.unit_id
				JOIN application_system sys ON sys.id = c.system_id""" : "contract c";
		return filters.bind(this.jdbc.sql("SELECT count(*) FROM " + from + filters.where())).query(Long.class).single();
	}

	private static Filters filters(DataScope scope, ContractStatus status, String text) {
		return new Filters(ContractReader.filter(scope))
			.and("c.status = :status", "status", (status != null) ? status.name() : null)
			.and("(c.number ILIKE '%' || :text || '%' OR c.contract_code ILIKE '%' || :text || '%'"
					+ " OR u.name ILIKE '%' || :text || '%' OR sys.name ILIKE '%' || :text || '%')", "text",
					Text.stripToNull(text));
	}

	String nextNumber(int year) {
		return String.format("HT%d-%06d", year,
				this.jdbc.sql("SELECT nextval('contract_number')").query(Long.class).single());
	}

	void insert(UUID id, String number, ContractHeader header, UUID createdBy, Instant now) {
		uniqueCode(() -> this.jdbc.sql("""
				INSERT INTO contract (id, number, contract_code, unit_id, supplier_id, system_id, application_id,
				                      status, term_start, term_end, created_by, created_at)
				VALUES (:id, :number, :code, :unit, :supplier, :system, :application, 'DRAFT', :start, :end, :by, :now)
				""")
			.param("id", id)
			.param("number", number)
			.param("code", header.contractCode())
			.param("unit", header.unitId().value())
			.param("supplier", header.supplierId().value())
			.param("system", header.systemId().value())
			.param("application", header.applicationId().value())
			.param("start", Date.valueOf(header.termStart()))
			.param("end", Date.valueOf(header.termEnd()))
			.param("by", createdBy)
			.param("now", Timestamp.from(now))
			.update(), header.contractCode());
	}

	void updateHeader(UUID id, String contractCode, LocalDate termStart, LocalDate termEnd) {
		uniqueCode(() -> this.jdbc
			.sql("UPDATE contract SET contract_code = :code, term_start = :start, term_end = :end WHERE id = :id")
			.param("id", id)
			.param("code", contractCode)
			.param("start", Date.valueOf(termStart))
			.param("end", Date.valueOf(termEnd))
			.update(), contractCode);
	}

	/**
	 * A unit numbers its contracts once each (unique per unit): a code already used, even
	 * by a draft saved a moment ago by a colleague, is a field error, not a failure.
	 */
	private static void uniqueCode(Runnable write, String contractCode) {
		try {
			write.run();
		}
		catch (DuplicateKeyException ex) {
			if (String.valueOf(ex.getMessage()).contains("contract_code")) {
				throw InvalidInputException.of("contractCode", "contract.code.taken", contractCode);
			}
			throw ex;
		}
	}

	void replaceLines(UUID contractId, int version, List<ContractLine> lines) {
		this.jdbc.sql("DELETE FROM contract_line WHERE contract_id = :id AND version = :version")
			.param("id", contractId)
			.param("version", version)
			.update();
		for (ContractLine line : lines) {
			this.jdbc.sql("""
					INSERT INTO contract_line (id, contract_id, version, position, application_line_id, kind_code,
					       dimension, billing_unit, quantity, approved_quantity, unit_price, cap_price, tender_number)
					VALUES (:id, :contract, :version, :position, :appLine, :kind, :dimension, :unit, :quantity,
					        :approved, :price, :cap, :tender)
					""")
				.param("id", UUID.randomUUID())
				.param("contract", contractId)
				.param("version", version)
				.param("position", line.position())
				.param("appLine", line.applicationLineId())
				.param("kind", line.kind())
				.param("dimension", line.dimension())
				.param("unit", line.billingUnit())
				.param("quantity", line.quantity())
				.param("approved", line.approvedQuantity())
				.param("price", line.unitPrice())
				.param("cap", line.capPrice())
				.param("tender", line.tenderNumber())
				.update();
		}
	}

	void saveVersion(UUID contractId, int version, LocalDate effectiveFrom, String reason, UUID by, Instant at) {
		this.jdbc.sql("""
				INSERT INTO contract_version (contract_id, version, effective_from, reason, created_by, created_at)
				VALUES (:id, :version, :from, :reason, :by, :at)
				ON CONFLICT (contract_id, version) DO UPDATE SET effective_from = :from
				""")
			.param("id", contractId)
			.param("version", version)
			.param("from", Date.valueOf(effectiveFrom))
			.param("reason", reason)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
		this.jdbc.sql("UPDATE contract SET version = :version WHERE id = :id")
			.param("id", contractId)
			.param("version", version)
			.update();
	}

	List<ContractVersion> versions(UUID contractId) {
		List<ContractLine> all = this.jdbc
			.sql("SELECT * FROM contract_line WHERE contract_id = :id ORDER BY version, position")
			.param("id", contractId)
			.query(ContractRepository::mapLine)
			.list();
		return this.jdbc.sql("""
				SELECT v.*, u.display_name FROM contract_version v JOIN app_user u ON u.id = v.created_by
				WHERE v.contract_id = :id ORDER BY v.version
				""").param("id", contractId).query((rs, n) -> {
			int version = rs.getInt("version");
			return new ContractVersion(version, rs.getDate("effective_from").toLocalDate(), rs.getString("reason"),
					rs.getString("display_name"), rs.getTimestamp("created_at").toInstant(),
					all.stream().filter((line) -> line.version() == version).toList());
		}).list();
	}

	/** The signed contract as a PDF, replacing one uploaded before. */
	void storeSignedPdf(UUID id, String fileName, byte[] pdf, UUID by, Instant at) {
		this.jdbc.sql("""
				INSERT INTO contract_document (contract_id, file_name, size_bytes, content, uploaded_by, uploaded_at)
				VALUES (:id, :name, :size, :content, :by, :at)
				ON CONFLICT (contract_id) DO UPDATE SET file_name = :name, size_bytes = :size, content = :content,
				       uploaded_by = :by, uploaded_at = :at
				""")
			.param("id", id)
			.param("name", fileName)
			.param("size", pdf.length)
			.param("content", pdf)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	Optional<byte[]> document(UUID id) {
		return this.jdbc.sql("SELECT content FROM contract_document WHERE contract_id = :id")
			.param("id", id)
			.query(byte[].class)
			.optional();
	}

	static ContractLine mapLine(ResultSet rs, int row) throws SQLException {
		return new ContractLine(rs.getObject("id", UUID.class), rs.getInt("version"), rs.getInt("position"),
				rs.getObject("application_line_id", UUID.class), rs.getString("kind_code"), rs.getString("dimension"),
				rs.getString("billing_unit"), rs.getLong("quantity"), rs.getLong("approved_quantity"),
				rs.getBigDecimal("unit_price"), rs.getBigDecimal("cap_price"), rs.getString("tender_number"));
	}

	private static StoredContract map(ResultSet rs, int row) throws SQLException {
		Date signed = rs.getDate("signed_on");
		Timestamp submitted = rs.getTimestamp("submitted_at");
		Timestamp decided = rs.getTimestamp("decided_at");
		return new StoredContract(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("contract_code"),
				rs.getObject("unit_id", UUID.class), rs.getString("unit_name"), rs.getObject("supplier_id", UUID.class),
				rs.getString("supplier_name"), rs.getObject("system_id", UUID.class), rs.getString("system_name"),
				rs.getObject("application_id", UUID.class), rs.getString("application_number"),
				ContractStatus.valueOf(rs.getString("status")), rs.getDate("term_start").toLocalDate(),
				rs.getDate("term_end").toLocalDate(), (signed != null) ? signed.toLocalDate() : null,
				rs.getInt("version"), rs.getBoolean("has_document"), rs.getString("created_by_name"),
				rs.getTimestamp("created_at").toInstant(), Timestamps.instant(submitted), Timestamps.instant(decided),
				rs.getString("decided_by_name"), rs.getString("return_reason"));
	}

	/** What a new contract is about: whose, with whom, for which system and approval. */
	record ContractHeader(String contractCode, UnitId unitId, SupplierId supplierId, SystemId systemId,
			ApplicationId applicationId, LocalDate termStart, LocalDate termEnd) {
	}

}
