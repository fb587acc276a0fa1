package cn.govcloud.contract;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.govcloud.catalogue.ResourceKind;
import cn.govcloud.catalogue.ResourceKinds;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.web.PageMessages;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the contract pages show: drafting with the live quote, and the contract's page.
 */
@Component
class ContractPage {

	private final Contracts contracts;

	private final Organizations organizations;

	private final ResourceKinds kinds;

	private final DataScopes scopes;

	private final PageMessages messages;

	ContractPage(Contracts contracts, Organizations organizations, ResourceKinds kinds, DataScopes scopes,
			PageMessages messages) {
		this.contracts = contracts;
		this.organizations = organizations;
		this.kinds = kinds;
		this.scopes = scopes;
		this.messages = messages;
	}

	String draft(Model model, ContractDraft draft, Quote quote, InvalidInputException problems) {
		model.addAttribute("draft", draft);
		model.addAttribute("suppliers", this.organizations.suppliers());
		model.addAttribute("quote", (quote != null) ? quote : this.contracts.quote(this.scopes.current(), draft));
		model.addAttribute("fieldErrors", this.messages.of(problems));
		kinds(model);
		return "contract/form";
	}

	/**
	 * The lines and totals fragment; {@code reprice} drops the lines to prefill them
	 * anew.
	 */
	String quote(Model model, ContractDraft draft, boolean reprice) {
		ContractDraft asked = reprice ? new ContractDraft(draft.applicationId(), draft.supplierId(),
				draft.contractCode(), draft.termStart(), draft.termEnd(), List.of()) : draft;
		Quote quote = this.contracts.quote(this.scopes.current(), asked);
		model.addAttribute("draft", asked);
		model.addAttribute("quote", quote);
		model.addAttribute("fieldErrors",
				this.messages.of(quote.problems().isEmpty() ? null : new InvalidInputException(quote.problems())));
		kinds(model);
		return reprice ? "contract/form :: lines" : "contract/form :: checks(oob=false)";
	}

	String detail(Model model, Contract contract, InvalidInputException problems) {
		model.addAttribute("contract", contract);
		model.addAttribute("fieldErrors", this.messages.of(problems));
		model.addAttribute("mine", this.scopes.current().principal().organizationId().equals(contract.unitId()));
		kinds(model);
		return "contract/detail";
	}

	void conflict(RedirectAttributes redirect, ConflictException ex) {
		redirect.addFlashAttribute("conflict", this.messages.of(ex));
	}

	private void kinds(Model model) {
		model.addAttribute("kinds",
				this.kinds.all().stream().collect(Collectors.toMap(ResourceKind::code, Function.identity())));
	}

}
