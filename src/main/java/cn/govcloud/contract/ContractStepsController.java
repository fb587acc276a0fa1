package cn.govcloud.contract;

import java.util.UUID;
import java.util.function.Supplier;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steps after signing, from the contract's page: filing or return, payments,
 * amendments.
 */
@Controller
@RequestMapping("/contracts/{id}")
class ContractStepsController {

	private final ContractActions actions;

	private final ContractReader reader;

	private final DataScopes scopes;

	private final ContractPage page;

	ContractStepsController(ContractActions actions, ContractReader reader, DataScopes scopes, ContractPage page) {
		this.actions = actions;
		this.reader = reader;
		this.scopes = scopes;
		this.page = page;
	}

	@PostMapping("/file")
	@Allowed(Permission.FILE_CONTRACTS)
	String file(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		return step(id, model, redirect, () -> this.actions.file(id));
	}

	@PostMapping("/return")
	@Allowed(Permission.FILE_CONTRACTS)
	String returnToUnit(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		return step(id, model, redirect, () -> this.actions.returnToUnit(id, reason));
	}

	@PostMapping("/payments")
	@Allowed(Permission.CONTRACT)
	String pay(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect) {
		return step(id, model, redirect, () -> this.actions.pay(id, ContractForms.payment(form)));
	}

	@PostMapping("/amendments")
	@Allowed(Permission.CONTRACT)
	String amend(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect) {
		return step(id, model, redirect, () -> this.actions.amend(id, ContractForms.amendment(form)));
	}

	private String step(UUID id, Model model, RedirectAttributes redirect, Supplier<?> action) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", "action.done");
		}
		catch (InvalidInputException ex) {
			return this.page.detail(model, this.reader.find(this.scopes.current(), id), ex);
		}
		catch (ConflictException ex) {
			this.page.conflict(redirect, ex);
		}
		return "redirect:/contracts/" + id;
	}

}
