package cn.govcloud.notification;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;

/**
 * A notification as its owner reads it, on a page or through the API.
 *
 * @param text the message rendered in the reader's language; the code itself when the
 * bundles lack it
 */
record NotificationView(UUID id, NoticeCategory category, String code, List<String> args, String text, String link,
		Instant createdAt, Instant readAt, boolean unread) {

	static NotificationView of(Notification notification, MessageSource messages, Locale locale) {
		String text = messages.getMessage(notification.code(), notification.args().toArray(), notification.code(),
				locale);
		return new NotificationView(notification.id(), notification.category(), notification.code(),
				notification.args(), text, notification.link(), notification.createdAt(), notification.readAt(),
				notification.unread());
	}

}
