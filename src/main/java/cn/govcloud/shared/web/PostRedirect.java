package cn.govcloud.shared.web;

import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.InvalidInputException;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one way a page's action button ends (post, redirect, get): the action runs, and the
 * page it returns to says what happened above its content — done, someone else decided
 * first (the conflict names who), or what was wrong with the input.
 */
@Component
public class PostRedirect {

	private final PageMessages messages;

	PostRedirect(PageMessages messages) {
		this.messages = messages;
	}

	/**
	 * @param target the page to return to, e.g. {@code /work-orders/{id}}
	 * @return the redirect view name
	 */
	public String after(String target, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", "action.done");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("conflict", this.messages.of(ex));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errors", FormErrors.messages(ex));
		}
		return "redirect:" + target;
	}

}
