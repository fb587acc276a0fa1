package cn.govcloud.identity;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.govcloud.shared.CurrentUser;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The person's own account: password change and personal API tokens. */
@Controller
class AccountController {

	private final PasswordChange passwordChange;

	private final ApiTokens tokens;

	AccountController(PasswordChange passwordChange, ApiTokens tokens) {
		this.passwordChange = passwordChange;
		this.tokens = tokens;
	}

	@GetMapping("/account/password")
	String passwordForm(Model model) {
		model.addAttribute("form", new PasswordChangeForm(null, null, null));
		return "identity/password";
	}

	@PostMapping("/account/password")
	String changePassword(@ModelAttribute("form") PasswordChangeForm form, BindingResult binding,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.passwordChange.change(form, request, response);
		}
		catch (InvalidInputException ex) {
			FormErrors.reject(binding, ex);
			return "identity/password";
		}
		redirect.addFlashAttribute("notice", "password.changed");
		return "redirect:/";
	}

	@GetMapping("/account/tokens")
	String tokens(Model model) {
		model.addAttribute("tokens", this.tokens.list(CurrentUser.get()));
		return "identity/tokens";
	}

	@PostMapping("/account/tokens")
	String createToken(@RequestParam(required = false) String name, @RequestParam(required = false) Integer validDays,
			Model model) {
		try {
			CreatedApiToken created = this.tokens.create(CurrentUser.get(), name, validDays);
			model.addAttribute("created", created);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", FormErrors.messages(ex));
		}
		return tokens(model);
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@PathVariable UUID id) {
		this.tokens.revoke(CurrentUser.get(), id);
		return "redirect:/account/tokens";
	}

}
