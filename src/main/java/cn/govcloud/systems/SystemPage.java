package cn.govcloud.systems;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.organization.UserAccount;
import cn.govcloud.organization.Users;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Role;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the system's page shows: its facts, plans, status with the changes the caller may
 * make, exemption requests and history. Shared by the handlers that render the page again
 * after a refused form.
 */
@Component
class SystemPage {

	private final ApplicationSystems systems;

	private final ConstructionPlans plans;

	private final ExemptionDocuments exemptionDocuments;

	private final Exemptions exemptions;

	private final Users users;

	private final ObjectProvider<SystemFindings> findings;

	SystemPage(ApplicationSystems systems, ConstructionPlans plans, ExemptionDocuments exemptionDocuments,
			Exemptions exemptions, Users users, ObjectProvider<SystemFindings> findings) {
		this.systems = systems;
		this.plans = plans;
		this.exemptionDocuments = exemptionDocuments;
		this.exemptions = exemptions;
		this.users = users;
		this.findings = findings;
	}

	/** Fills the model of {@code systems/detail}; out of scope reads as "not found". */
	String detail(Model model, DataScope scope, UUID id) {
		ApplicationSystem system = this.systems.find(scope, id);
		boolean editor = scope.principal().may(Permission.KEEP_REGISTER)
				&& scope.principal().organizationId().equals(system.unitId());
		List<ExemptionRequest> requests = this.exemptions.requests(scope, id);
		Optional<ExemptionRequest> pending = requests.stream().filter(ExemptionRequest::pending).findFirst();
		model.addAttribute("system", system);
		model.addAttribute("editor", editor);
		model.addAttribute("decider", scope.seesAll() && scope.principal().may(Permission.DECIDE_EXEMPTIONS));
		model.addAttribute("transitions", this.systems.transitions(scope, system));
		model.addAttribute("exemptionRequestable",
				editor && system.hostingStatus() == HostingStatus.LEGACY_SELF_HOSTED && pending.isEmpty());
		model.addAttribute("pendingExemption", pending.orElse(null));
		model.addAttribute("exemptionRequests", requests);
		model.addAttribute("plans", this.plans.versions(scope, id));
		model.addAttribute("exemptionDocuments", this.exemptionDocuments.versions(scope, id));
		model.addAttribute("history", this.systems.history(scope, id));
		SystemFindings source = this.findings.getIfAvailable();
		model.addAttribute("findings", (source != null) ? source.of(scope, id) : List.of());
		if (editor) {
			model.addAttribute("officers", officers(scope, system.unitId()));
			if (!model.containsAttribute("form")) {
				model.addAttribute("form", new SystemForm(system.name(), system.purpose(), system.securityOfficerId(),
						system.protectionLevel(), system.filingNumber(), system.lastAssessmentOn()));
			}
		}
		return "systems/detail";
	}

	/** The enabled security officers of a unit (Art. 15), for the officer field. */
	List<UserAccount> officers(DataScope scope, UUID unitId) {
		return this.users.search(scope, unitId, null, 0, Page.MAX_SIZE)
			.items()
			.stream()
			.filter((person) -> person.enabled() && person.roles().contains(Role.SECURITY_OFFICER))
			.toList();
	}

}
