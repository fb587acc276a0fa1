package cn.govcloud.assessment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.assessment.SupplierAssessment.ContractDue;
import cn.govcloud.contract.ContractYear;
import cn.govcloud.contract.ContractYears;
import cn.govcloud.organization.Organization;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.OrganizationKind;

import org.springframework.stereotype.Service;

/**
 * A supplier's draft assessment, computed from the records (Art. 19). The Commission
 * reads every supplier's; a supplier only its own (another's reads as not found).
 */
@Service
public class Assessments {

	private final ContractYears contracts;

	private final Measures measures;

	private final Organizations organizations;

	Assessments(ContractYears contracts, Measures measures, Organizations organizations) {
		this.contracts = contracts;
		this.measures = measures;
		this.organizations = organizations;
	}

	public SupplierAssessment draft(DataScope scope, int year, UUID supplierId) {
		if (scope.supplierParty().filter((own) -> !own.equals(supplierId)).isPresent()) {
			throw new NotFoundException("assessment", supplierId);
		}
		Organization supplier = this.organizations.ofKind(OrganizationKind.SUPPLIER)
			.stream()
			.filter((s) -> s.id().equals(supplierId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("assessment", supplierId));
		List<ContractYear> contracted = this.contracts.of(scope, year)
			.stream()
			.filter((c) -> c.supplierId().equals(supplierId) && c.fees().signum() > 0)
			.toList();
		AssessmentRules rules = DefaultRules.of(year);
		Map<String, Double> measured = this.measures.of(scope, supplierId, year,
				contracted.stream().map(ContractYear::unitId).distinct().toList());
		ScoreCard card = Scoring.score(rules, measured, List.of());
		PaymentTable.Band band = (card.total() != null) ? rules.payments().bandOf(card.total()) : null;
		List<ContractDue> dues = contracted.stream()
			.map((c) -> new ContractDue(c.number(), c.unitId(), c.fees(),
					(band != null) ? rules.payments().due(c.fees(), card.total()) : null))
			.toList();
		return new SupplierAssessment(year, supplierId, supplier.name(), rules.version(), card,
				(band != null) ? band.ratioPercent() : null, (band != null) ? band.continues() : null, dues);
	}

}
