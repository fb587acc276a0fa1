package cn.govcloud.world;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.world.Applications.App;
import cn.govcloud.world.City.Person;
import cn.govcloud.world.Registers.Sys;
import cn.govcloud.world.Tenders.Cap;

/**
 * Service contracts of approvals (Art. 7): every approved line priced per billed
 * dimension at or below the tender cap, signed with a PDF, submitted, filed by the
 * Commission; payments per quarter; amendments as versions.
 */
final class Contracts {

	static final String CONTRACT = "contract (id, number, contract_code, unit_id, supplier_id, system_id, application_id, status, "
			+ "term_start, term_end, signed_on, version, created_by, created_at, submitted_at, decided_at, decided_by, return_reason)";

	static final String LINE = "contract_line (id, contract_id, version, position, application_line_id, kind_code, dimension, "
			+ "billing_unit, quantity, approved_quantity, unit_price, cap_price, tender_number)";

	static final String VERSION = "contract_version (contract_id, version, effective_from, reason, created_by, created_at)";

	static final String DOCUMENT = "contract_document (contract_id, file_name, size_bytes, content, uploaded_by, uploaded_at)";

	static final String EVENT = "contract_event (contract_id, occurred_at, actor_id, action, reason)";

	static final String PAYMENT = "payment (id, contract_id, amount, paid_on, period_from, period_to, invoice_number, recorded_by, "
			+ "recorded_at)";

	private final Scene scene;

	long number;

	Contracts(Scene scene, long firstNumber) {
		this.scene = scene;
		this.number = firstNumber;
	}

	/** A priced line of version 1. */
	record Priced(int position, UUID applicationLineId, String kind, String dimension, String billingUnit,
			long quantity, BigDecimal price, BigDecimal cap, String tender) {
	}

	/** A contract as its lifecycle left it. */
	record Deal(UUID id, String number, Sys system, City.Supplier supplier, List<Priced> lines, LocalDate termStart,
			LocalDate termEnd, Instant filedAt, Person admin) {
	}

	/**
	 * The contract of approval {@code app} with {@code supplier}, drafted on
	 * {@code drafted} and taken as far as {@code outcome} (DRAFT, SUBMITTED or FILED; a
	 * filed contract whose term has begun is ACTIVE).
	 */
	Deal contract(Sys system, App app, City.Supplier supplier, LocalDate drafted, LocalDate termStart, String outcome) {
		return contract(system, app, supplier, drafted, termStart, outcome, 1);
	}

	/** As above, for a contract that will be amended up to {@code version}. */
	Deal contract(Sys system, App app, City.Supplier supplier, LocalDate drafted, LocalDate termStart, String outcome,
			int version) {
		UUID id = UUID.randomUUID();
		String number = "HT%d-%06d".formatted(drafted.getYear(), this.number++);
		Person admin = system.unit().admins.get(0);
		LocalDate termEnd = termStart.plusYears(1).minusDays(1);
		Instant created = this.scene.at(drafted);
		boolean signed = !outcome.equals("DRAFT");
		Instant submitted = signed ? this.scene.at(drafted.plusDays(3)) : null;
		boolean filed = outcome.equals("FILED");
		Instant decided = filed ? this.scene.at(drafted.plusDays(5)) : null;
		Person reviewer = this.scene.any(this.scene.city.reviewers);
		String status = filed ? (termStart.isAfter(this.scene.today) ? "FILED" : "ACTIVE")
				: signed ? "SUBMITTED" : "DRAFT";
		this.scene.copy.row(CONTRACT, id, number, "YXZW-%s-%05d".formatted(drafted.getYear(), this.number),
				system.unit().id, supplier.id, system.id(), app.id(), status, termStart, termEnd,
				signed ? drafted.plusDays(2) : null, version, admin.id(), created, submitted, decided,
				filed ? reviewer.id() : null, null);
		List<Priced> lines = price(app, supplier);
		for (Priced line : lines) {
			this.scene.copy.row(LINE, UUID.randomUUID(), id, 1, line.position(), line.applicationLineId(), line.kind(),
					line.dimension(), line.billingUnit(), line.quantity(), line.quantity(), line.price(), line.cap(),
					line.tender());
		}
		this.scene.copy.row(VERSION, id, 1, termStart, null, admin.id(), created);
		String target = "contract:" + id + " " + number;
		event(id, created, admin, "CREATED", null);
		this.scene.audit(created, admin, "contract.draft", "contract:" + id + " YXZW", null);
		if (signed) {
			byte[] pdf = Registers.pdf(number);
			Instant signedAt = this.scene.at(drafted.plusDays(2));
			this.scene.copy.row(DOCUMENT, id, "合同.pdf", pdf.length, pdf, admin.id(), signedAt);
			event(id, signedAt, admin, "SIGNED", null);
			this.scene.audit(signedAt, admin, "contract.sign", target, null);
			event(id, submitted, admin, "SUBMITTED", null);
			this.scene.audit(submitted, admin, "contract.submit", target, null);
			this.scene.notify(this.scene.city.reviewers, submitted, "TASK", "notice.contract.submitted",
					"/contracts/" + id, number, system.unit().name);
		}
		if (filed) {
			event(id, decided, reviewer, "FILED", null);
			this.scene.audit(decided, reviewer, "contract.file", target, null);
			List<Person> told = new ArrayList<>(system.unit().admins);
			told.addAll(supplier.managers);
			told.addAll(supplier.operators);
			this.scene.notify(told, decided, "INFO", "notice.contract.filed", "/contracts/" + id, number);
		}
		return new Deal(id, number, system, supplier, lines, termStart, termEnd, decided, admin);
	}

	/** Quarterly payments for the quarters of the term that ended before today. */
	void payments(Deal deal) {
		BigDecimal monthly = deal.lines()
			.stream()
			.map((l) -> l.price().multiply(BigDecimal.valueOf(l.quantity())))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal quarter = monthly.multiply(BigDecimal.valueOf(3)).setScale(2, RoundingMode.HALF_UP);
		for (int q = 0; q < 3; q++) {
			LocalDate from = deal.termStart().plusMonths(3L * q);
			LocalDate to = from.plusMonths(3).minusDays(1);
			LocalDate paid = to.plusDays(10);
			if (paid.isAfter(this.scene.today) || quarter.signum() <= 0) {
				return;
			}
			Instant at = this.scene.at(paid);
			this.scene.copy.row(PAYMENT, UUID.randomUUID(), deal.id(), quarter, paid, from, to,
					"FP" + paid.toString().replace("-", "") + this.scene.between(1000, 9999), deal.admin().id(), at);
			this.scene.audit(at, deal.admin(), "contract.payment", "contract:" + deal.id() + " " + deal.number(),
					quarter.toPlainString());
		}
	}

	/**
	 * Version {@code version}, effective {@code from}: each line at the quantity given by
	 * position.
	 */
	void amend(Deal deal, int version, LocalDate from, String reason, Map<Integer, Long> quantities, Person by) {
		Instant at = this.scene.at(from.minusDays(1));
		for (Priced line : deal.lines()) {
			this.scene.copy.row(LINE, UUID.randomUUID(), deal.id(), version, line.position(), line.applicationLineId(),
					line.kind(), line.dimension(), line.billingUnit(), quantities.get(line.position()), line.quantity(),
					line.price(), line.cap(), line.tender());
		}
		this.scene.copy.row(VERSION, deal.id(), version, from, reason, by.id(), at);
		event(deal.id(), at, by, "AMENDED", reason);
		this.scene.audit(at, by, "contract.amend", "contract:" + deal.id() + " " + deal.number(), reason);
	}

	private List<Priced> price(App app, City.Supplier supplier) {
		List<Priced> lines = new ArrayList<>();
		boolean discount = this.scene.chance(0.3);
		for (Applications.Line line : app.lines()) {
			if (line.approved() <= 0) {
				continue;
			}
			for (Cap cap : this.scene.books.get(supplier.id).of(line.kind())) {
				long units = "instance".equals(cap.dimension()) ? line.approved()
						: (line.spec().get(cap.dimension()) instanceof Number n) ? line.approved() * n.longValue() : 0;
				BigDecimal price = discount
						? cap.price().multiply(BigDecimal.valueOf(0.95)).setScale(2, RoundingMode.DOWN) : cap.price();
				lines.add(new Priced(lines.size() + 1, line.id(), line.kind(), cap.dimension(), cap.billingUnit(),
						units, price.signum() > 0 ? price : cap.price(), cap.price(), cap.tender()));
			}
		}
		return lines;
	}

	private void event(UUID contract, Instant at, Person actor, String action, String reason) {
		this.scene.copy.row(EVENT, contract, at, actor.id(), action, reason);
	}

}
