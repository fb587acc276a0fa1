package cn.govcloud.notification;

import java.util.Locale;
import java.util.UUID;

import cn.govcloud.shared.web.ListParameters;
import cn.govcloud.shared.CurrentUser;
import cn.govcloud.shared.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications",
		description = "The caller's own in-app inbox (C16); text in the caller's language (Accept-Language or ?lang=)")
class NotificationApi {

	private static final String SORT = ListParameters.SORT + "createdAt, readAt, category.";

	private final Inbox inbox;

	private final MessageSource messages;

	NotificationApi(Inbox inbox, MessageSource messages) {
		this.inbox = inbox;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "The caller's notifications, newest first, paged")
	Page<NotificationView> list(
			@Parameter(description = "only those not yet read") @RequestParam(
					defaultValue = "false") boolean unreadOnly,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size, Locale locale) {
		return this.inbox.list(CurrentUser.get().userId(), unreadOnly, sort, page, size)
			.map((notification) -> NotificationView.of(notification, this.messages, locale));
	}

	@GetMapping("/unread-count")
	@Operation(summary = "How many of the caller's notifications are unread")
	UnreadCount unreadCount() {
		return new UnreadCount(this.inbox.unreadCount(CurrentUser.get().userId()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of the caller's notifications; anyone else's does not exist")
	NotificationView get(@PathVariable UUID id, Locale locale) {
		return NotificationView.of(this.inbox.find(CurrentUser.get().userId(), id), this.messages, locale);
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one of the caller's notifications read; marking it again keeps the first time")
	NotificationView markRead(@PathVariable UUID id, Locale locale) {
		return NotificationView.of(this.inbox.markRead(CurrentUser.get().userId(), id), this.messages, locale);
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all of the caller's notifications read")
	MarkedRead markAllRead() {
		return new MarkedRead(this.inbox.markAllRead(CurrentUser.get().userId()));
	}

	record UnreadCount(long unread) {
	}

	/**
	 * @param marked how many were unread until now
	 */
	record MarkedRead(int marked) {
	}

}
