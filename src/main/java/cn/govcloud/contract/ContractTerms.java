package cn.govcloud.contract;

import java.util.List;
import java.util.UUID;

import cn.govcloud.organization.Organization;
import cn.govcloud.organization.Organizations;
import cn.govcloud.request.ApplicationStatus;
import cn.govcloud.request.ResourceApplication;
import cn.govcloud.request.ResourceApplications;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.OrganizationKind;

import org.springframework.stereotype.Component;

/**
 * What a contract rests on (Art. 7): an approved application of the caller's unit, not
 * yet contracted; an active supplier; a contract number; a term whose end is not before
 * its start.
 */
@Component
class ContractTerms {

	private final ResourceApplications applications;

	private final Organizations organizations;

	private final ContractRepository repository;

	ContractTerms(ResourceApplications applications, Organizations organizations, ContractRepository repository) {
		this.applications = applications;
		this.organizations = organizations;
		this.repository = repository;
	}

	/** The application in the caller's scope. */
	ResourceApplication application(DataScope scope, UUID applicationId) {
		return this.applications.find(scope, applicationId);
	}

	ResourceApplication approvedApplication(DataScope scope, UUID applicationId) {
		ResourceApplication application;
		try {
			application = (applicationId != null) ? this.applications.find(scope, applicationId) : null;
		}
		catch (NotFoundException ex) {
			application = null;
		}
		if (application == null || application.status() != ApplicationStatus.APPROVED
				|| !scope.principal().organizationId().equals(application.unitId())) {
			throw InvalidInputException.of("applicationId", "contract.application.notApproved");
		}
		if (this.repository.existsForApplication(applicationId)) {
			throw InvalidInputException.of("applicationId", "contract.application.contracted");
		}
		return application;
	}

	void check(ContractDraft draft, List<FieldProblem> problems) {
		if (draft.contractCode() == null || draft.contractCode().isEmpty() || draft.contractCode().length() > 60) {
			problems.add(new FieldProblem("contractCode", "error.field.size", 1, 60));
		}
		boolean supplier = draft.supplierId() != null && this.organizations.lookup(draft.supplierId())
			.filter((org) -> org.kind() == OrganizationKind.SUPPLIER && org.active())
			.map(Organization::id)
			.isPresent();
		if (!supplier) {
			problems.add(new FieldProblem("supplierId", "contract.supplier.unknown"));
		}
		if (draft.termStart() == null) {
			problems.add(new FieldProblem("termStart", "error.field.required"));
		}
		if (draft.termEnd() == null) {
			problems.add(new FieldProblem("termEnd", "error.field.required"));
		}
		else if (draft.termStart() != null && draft.termEnd().isBefore(draft.termStart())) {
			problems.add(new FieldProblem("termEnd", "contract.term.endBeforeStart"));
		}
	}

}
