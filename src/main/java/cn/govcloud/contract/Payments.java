package cn.govcloud.contract;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments a unit records against its filed contract (Art. 7: the unit pays the service
 * fees itself). A payment above what is outstanding needs the unit's confirmation.
 */
@Service
class Payments {

	private final ContractRepository repository;

	private final ContractReader reader;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	Payments(ContractRepository repository, ContractReader reader, JdbcClient jdbc, AuditTrail audit) {
		this.repository = repository;
		this.reader = reader;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional
	public UUID record(DataScope scope, UUID contractId, PaymentForm form) {
		StoredContract contract = ContractReader.visible(scope, this.repository.findById(contractId), contractId);
		if (!scope.principal().organizationId().equals(contract.unitId())) {
			throw new NotFoundException("contract", contractId);
		}
		if (!contract.status().filed()) {
			throw contract.notNow();
		}
		this.repository.lock(contractId);
		List<FieldProblem> problems = check(contract, form);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		java.math.BigDecimal outstanding = this.reader.find(scope, contractId).totals().outstanding();
		if (form.amount().compareTo(outstanding) > 0 && !form.confirmOverpayment()) {
			throw InvalidInputException.of("amount", "payment.aboveOutstanding", form.amount().toPlainString(),
					outstanding.toPlainString());
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO payment (id, contract_id, amount, paid_on, period_from, period_to, invoice_number,
				                     recorded_by, recorded_at)
				VALUES (:id, :contract, :amount, :paidOn, :from, :to, :invoice, :by, :at)
				""")
			.param("id", id)
			.param("contract", contractId)
			.param("amount", form.amount())
			.param("paidOn", Date.valueOf(form.paidOn()))
			.param("from", Date.valueOf(form.periodFrom()))
			.param("to", Date.valueOf(form.periodTo()))
			.param("invoice", form.invoiceNumber())
			.param("by", scope.principal().userId())
			.param("at", Timestamp.from(Instant.now()))
			.update();
		this.audit.record("contract.payment", Contracts.describe(contract), AuditOutcome.SUCCESS,
				form.amount() + " CNY, invoice " + form.invoiceNumber());
		return id;
	}

	private static List<FieldProblem> check(StoredContract contract, PaymentForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		if (form.amount() == null || form.amount().signum() <= 0) {
			problems.add(new FieldProblem("amount", "payment.amount.positive"));
		}
		else if (form.amount().stripTrailingZeros().scale() > 2) {
			problems.add(new FieldProblem("amount", "contract.price.decimals"));
		}
		if (form.paidOn() == null) {
			problems.add(new FieldProblem("paidOn", "error.field.required"));
		}
		else if (form.paidOn().isAfter(CityTime.today())) {
			problems.add(new FieldProblem("paidOn", "payment.paidOn.future"));
		}
		if (form.periodFrom() == null || form.periodTo() == null) {
			problems
				.add(new FieldProblem((form.periodFrom() == null) ? "periodFrom" : "periodTo", "error.field.required"));
		}
		else if (form.periodTo().isBefore(form.periodFrom()) || form.periodFrom().isBefore(contract.termStart())
				|| form.periodTo().isAfter(contract.termEnd())) {
			problems.add(new FieldProblem("periodTo", "payment.period.outsideTerm"));
		}
		if (form.invoiceNumber() == null || form.invoiceNumber().isEmpty() || form.invoiceNumber().length() > 60) {
			problems.add(new FieldProblem("invoiceNumber", "error.field.size", 1, 60));
		}
		return problems;
	}

}
