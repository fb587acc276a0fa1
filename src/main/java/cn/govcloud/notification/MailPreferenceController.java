package cn.govcloud.notification;

import java.util.List;
import java.util.Locale;

import cn.govcloud.shared.CurrentUser;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person's own choice of notices by e-mail, a page of "My account" (ADR 0019). Here
 * rather than beside the password and tokens: the identity module must not depend on
 * notifications (the dashboard already reads both).
 */
@Controller
@RequestMapping("/account/notices")
class MailPreferenceController {

	private final MailPreferences preferences;

	MailPreferenceController(MailPreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping
	String show(Locale locale, Model model) {
		model.addAttribute("mail", this.preferences.of(CurrentUser.get().userId(), locale));
		model.addAttribute("categories", NoticeCategory.values());
		return "notification/mail";
	}

	@PostMapping
	String choose(@RequestParam(required = false) List<String> categories,
			@RequestParam(required = false) String language, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			this.preferences.choose(CurrentUser.get().userId(), NoticeMailChoice.categories(categories), language);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", FormErrors.messages(ex));
			return show(locale, model);
		}
		redirect.addFlashAttribute("notice", "mail.saved");
		return "redirect:/account/notices";
	}

}
