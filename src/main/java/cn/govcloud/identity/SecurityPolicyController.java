package cn.govcloud.identity;

import java.util.Arrays;

import cn.govcloud.organization.SecurityPolicies;
import cn.govcloud.organization.SecurityPolicyForm;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.Role;
import cn.govcloud.shared.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security administrator's sign-in policy (issue 19): password rules, lockout, idle
 * timeout, the address limit and which roles sign in with two factors; and the reset of a
 * person's second factor. Every change is audited.
 */
@Controller
@Allowed(Permission.KEEP_SECURITY_POLICY)
class SecurityPolicyController {

	static final String PAGE = "/security-policy";

	private final SecurityPolicies policies;

	private final TwoFactor twoFactor;

	SecurityPolicyController(SecurityPolicies policies, TwoFactor twoFactor) {
		this.policies = policies;
		this.twoFactor = twoFactor;
	}

	@GetMapping(PAGE)
	String page(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", SecurityPolicyForm.of(this.policies.current()));
		}
		model.addAttribute("roles", Arrays.asList(Role.values()));
		model.addAttribute("floor", this.policies.current().twoFactorFloor());
		return "identity/security-policy";
	}

	@PostMapping(PAGE)
	String change(@ModelAttribute("form") SecurityPolicyForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		try {
			this.policies.change(form);
		}
		catch (InvalidInputException ex) {
			FormErrors.reject(binding, ex);
			return page(model);
		}
		redirect.addFlashAttribute("notice", "policy.saved");
		return "redirect:" + PAGE;
	}

	@PostMapping(PAGE + "/two-factor-reset")
	String reset(@RequestParam(required = false) String username, RedirectAttributes redirect) {
		try {
			this.twoFactor.reset(username);
			redirect.addFlashAttribute("notice", "twofactor.reset.done");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errors", FormErrors.messages(ex));
		}
		return "redirect:" + PAGE;
	}

}
