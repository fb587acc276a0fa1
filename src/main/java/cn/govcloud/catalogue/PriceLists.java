package cn.govcloud.catalogue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.catalogue.PriceListForm.Line;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.OrganizationKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tender price lists (Art. 5): recorded whole or not at all by the Commission manager,
 * read by all. Nothing is deleted; a later list takes over from its start date.
 */
@Service
public class PriceLists {

	private final JdbcClient jdbc;

	private final PriceLineCheck check;

	private final Organizations organizations;

	private final AuditTrail audit;

	PriceLists(JdbcClient jdbc, PriceLineCheck check, Organizations organizations, AuditTrail audit) {
		this.jdbc = jdbc;
		this.check = check;
		this.organizations = organizations;
		this.audit = audit;
	}

	/** Records a list; problems name a line's field as {@code lines[3].unitPrice}. */
	@Transactional
	public UUID create(PriceListForm form) {
		return create(form, (line, column) -> "lines[" + line + "]." + column, List.of());
	}

	/**
	 * Records a list; {@code names} says how to name a line's field in problems, which
	 * are reported together with {@code earlier} ones (e.g. unreadable Excel cells).
	 */
	@Transactional
	UUID create(PriceListForm form, PriceLineCheck.FieldNames names, List<FieldProblem> earlier) {
		// One list at a time: the overlap check and the insert must see each other.
		this.jdbc.sql("SELECT pg_advisory_xact_lock(7418)").query().singleRow();
		List<FieldProblem> problems = new ArrayList<>(header(form));
		problems.addAll(earlier);
		if (form.lines().isEmpty() && earlier.isEmpty()) {
			problems.add(new FieldProblem("lines", "price.lines.none"));
		}
		problems.addAll(this.check.check(form.supplierId(), form.lines(), names));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO price_list (id, supplier_id, tender_number, awarded_on, note, created_at)
				VALUES (:id, :supplier, :tender, :awarded, :note, :now)
				""")
			.param("id", id)
			.param("supplier", form.supplierId())
			.param("tender", form.tenderNumber())
			.param("awarded", Date.valueOf(form.awardedOn()))
			.param("note", form.note())
			.param("now", Timestamp.from(Instant.now()))
			.update();
		form.lines().forEach((line) -> insert(id, form.supplierId(), line));
		this.audit.record("price.list.create", "price-list:" + id + " " + form.tenderNumber(), AuditOutcome.SUCCESS,
				form.lines().size() + " lines");
		return id;
	}

	public PriceList find(UUID id) {
		return list("WHERE p.id = :id", id).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("price list", id));
	}

	/** Every list, newest first, optionally of one supplier. */
	public List<PriceList> all(UUID supplierId) {
		return list("WHERE (CAST(:id AS uuid) IS NULL OR p.supplier_id = :id)", supplierId);
	}

	private List<PriceList> list(String where, UUID id) {
		List<PriceList> lists = this.jdbc.sql("""
				SELECT p.*, o.name AS supplier_name FROM price_list p JOIN organization o ON o.id = p.supplier_id
				""" + where + " ORDER BY p.awarded_on DESC, p.tender_number")
			.param("id", id)
			.query((rs, n) -> new PriceList(rs.getObject("id", UUID.class), rs.getObject("supplier_id", UUID.class),
					rs.getString("supplier_name"), rs.getString("tender_number"),
					rs.getDate("awarded_on").toLocalDate(), rs.getString("note"),
					rs.getTimestamp("created_at").toInstant(), List.of()))
			.list();
		return lists.stream()
			.map((p) -> new PriceList(p.id(), p.supplierId(), p.supplierName(), p.tenderNumber(), p.awardedOn(),
					p.note(), p.createdAt(), TenderPrices.linesOf(this.jdbc, p.id())))
			.toList();
	}

	private List<FieldProblem> header(PriceListForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		boolean supplier = form.supplierId() != null && this.organizations.lookup(form.supplierId())
			.filter((org) -> org.kind() == OrganizationKind.SUPPLIER)
			.isPresent();
		if (!supplier) {
			problems.add(new FieldProblem("supplierId", "contract.supplier.unknown"));
		}
		if (form.tenderNumber() == null || form.tenderNumber().isEmpty() || form.tenderNumber().length() > 60) {
			problems.add(new FieldProblem("tenderNumber", "error.field.size", 1, 60));
		}
		else if (supplier
				&& this.jdbc.sql("SELECT count(*) FROM price_list WHERE supplier_id = :s AND tender_number = :t")
					.param("s", form.supplierId())
					.param("t", form.tenderNumber())
					.query(Long.class)
					.single() > 0) {
			problems.add(new FieldProblem("tenderNumber", "price.tender.taken"));
		}
		if (form.awardedOn() == null) {
			problems.add(new FieldProblem("awardedOn", "error.field.required"));
		}
		if (form.note() != null && form.note().length() > 500) {
			problems.add(new FieldProblem("note", "error.field.size", 0, 500));
		}
		return problems;
	}

	private void insert(UUID list, UUID supplier, Line line) {
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
			.param("to", (line.effectiveTo() != null) ? Date.valueOf(line.effectiveTo()) : null)
			.update();
	}

}
