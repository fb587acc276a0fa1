package cn.govcloud.notification;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.CurrentUser;
import cn.govcloud.shared.web.PageLinks;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's inbox. Marking one read answers htmx with the row and the header
 * badge, and a plain form post with a redirect back to the same list.
 */
@Controller
@RequestMapping("/inbox")
class InboxController {

	static final int PAGE_SIZE = 20;

	private final Inbox inbox;

	private final MessageSource messages;

	InboxController(Inbox inbox, MessageSource messages) {
		this.inbox = inbox;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
			Locale locale, Model model) {
		model.addAttribute("result", this.inbox.list(CurrentUser.get().userId(), unread, page, PAGE_SIZE)
			.map((notification) -> NotificationView.of(notification, this.messages, locale)));
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("pagerBase", PageLinks.base("/inbox", Map.of("unread", unread ? "true" : "")));
		return "notification/inbox";
	}

	@PostMapping("/{id}/read")
	String markRead(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model) {
		Notification notification = this.inbox.markRead(CurrentUser.get().userId(), id);
		if ("true".equals(htmx)) {
			model.addAttribute("n", NotificationView.of(notification, this.messages, locale));
			return "notification/inbox :: marked";
		}
		return "redirect:" + PageLinks.base("/inbox", Map.of("unread", unread ? "true" : "")) + "page="
				+ Math.max(page, 0);
	}

	@PostMapping("/read-all")
	String markAllRead(RedirectAttributes redirect) {
		this.inbox.markAllRead(CurrentUser.get().userId());
		redirect.addFlashAttribute("notice", "notification.allRead");
		return "redirect:/inbox";
	}

	/**
	 * Opening a notification marks it read, then goes where it points. A GET, so that it
	 * is an ordinary link (new tab, keyboard); the only effect is on the caller's own
	 * notification, and only once.
	 */
	@GetMapping("/{id}/open")
	String open(@PathVariable UUID id) {
		Notification notification = this.inbox.markRead(CurrentUser.get().userId(), id);
		return "redirect:" + ((notification.link() != null) ? notification.link() : "/inbox");
	}

}
