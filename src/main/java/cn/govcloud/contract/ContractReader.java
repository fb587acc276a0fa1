package cn.govcloud.contract;

import java.sql.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads contracts for their parties: a unit its own, a supplier those it is party to, the
 * Commission all; anyone else's reads as "not found".
 */
@Service
class ContractReader {

	private final ContractRepository repository;

	private final JdbcClient jdbc;

	ContractReader(ContractRepository repository, JdbcClient jdbc) {
		this.repository = repository;
		this.jdbc = jdbc;
	}

	public Contract find(DataScope scope, UUID id) {
		StoredContract c = visible(scope, this.repository.findById(id), id);
		List<ContractVersion> versions = this.repository.versions(id);
		List<Payment> payments = payments(id);
		Totals totals = ContractTotals.of(c.termStart(), c.termEnd(), versions, payments, CityTime.today());
		List<ContractLine> lines = versions.isEmpty() ? List.of() : versions.get(versions.size() - 1).lines();
		return new Contract(c.id(), c.number(), c.contractCode(), c.unitId(), c.unitName(), c.supplierId(),
				c.supplierName(), c.systemId(), c.systemName(), c.applicationId(), c.applicationNumber(), c.status(),
				c.termStart(), c.termEnd(), c.signedOn(), c.version(), c.signedDocument(), c.createdBy(), c.createdAt(),
				c.submittedAt(), c.decidedAt(), c.decidedBy(), c.returnReason(), lines, versions, payments, totals);
	}

	/**
	 * Contracts in {@code sort}'s order ({@code field,asc|desc}; null: newest first, the
	 * filing queue oldest first).
	 * @throws InvalidInputException naming {@code sort} for a field the list cannot sort
	 * by
	 */
	public Page<ContractSummary> search(DataScope scope, ContractStatus status, String text, String sort, int page,
			int size) {
		Page.Request request = Page.request(page, size, ContractRepository.SORTABLE.parse(sort));
		List<ContractSummary> items = this.repository
			.search(scope, status, text, request.order(), request.offset(), request.size())
			.stream()
			.map((c) -> new ContractSummary(c.id(), c.number(), c.contractCode(), c.unitName(), c.supplierName(),
					c.systemName(), c.status(), c.termStart(), c.termEnd(), c.submittedAt()))
			.toList();
		return request.of(items, this.repository.count(scope, status, text));
	}

	/** The signed PDF, for the contract's parties and the Commission. */
	public byte[] signedPdf(DataScope scope, UUID id) {
		visible(scope, this.repository.findById(id), id);
		return this.repository.document(id).orElseThrow(() -> new NotFoundException("signed contract", id));
	}

	List<Payment> payments(UUID contractId) {
		return this.jdbc.sql("""
				SELECT p.*, u.display_name FROM payment p JOIN app_user u ON u.id = p.recorded_by
				WHERE p.contract_id = :id ORDER BY p.paid_on, p.recorded_at
				""")
			.param("id", contractId)
			.query((rs, n) -> new Payment(rs.getObject("id", UUID.class), rs.getBigDecimal("amount"),
					date(rs.getDate("paid_on")), date(rs.getDate("period_from")), date(rs.getDate("period_to")),
					rs.getString("invoice_number"), rs.getString("display_name"),
					rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	/**
	 * A contract is read by its parties: the unit, the supplier it is signed with (never
	 * another supplier, even one that serves the same unit), and the Commission.
	 */
	static StoredContract visible(DataScope scope, Optional<StoredContract> found, UUID id) {
		return scope.requireParty(found, StoredContract::unitId, StoredContract::supplierId, "contract", id);
	}

	/** The same rule in SQL. */
	static DataScope.SqlFilter filter(DataScope scope) {
		return scope.sqlParty("c.unit_id", "c.supplier_id");
	}

	private static java.time.LocalDate date(Date date) {
		return date.toLocalDate();
	}

}
