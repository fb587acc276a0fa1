package cn.govcloud.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.govcloud.organization.Users;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Decides, in the transaction that writes notifications, which of them also go out by
 * e-mail: those of people who chose the notice's category and have an address. Each such
 * e-mail is recorded and announced ({@link NoticeMailDue}); it is sent after the commit.
 */
@Component
class NoticeMailQueue {

	private final MailServer server;

	private final NoticeMailRepository repository;

	private final Users users;

	private final MailSettings settings;

	private final ApplicationEventPublisher events;

	NoticeMailQueue(MailServer server, NoticeMailRepository repository, Users users, MailSettings settings,
			ApplicationEventPublisher events) {
		this.server = server;
		this.repository = repository;
		this.users = users;
		this.settings = settings;
		this.events = events;
	}

	void queue(List<Notification> notifications) {
		if (!this.server.on() || notifications.isEmpty()) {
			return;
		}
		Instant now = Instant.now();
		Map<NoticeCategory, List<Notification>> byCategory = notifications.stream()
			.collect(Collectors.groupingBy(Notification::category));
		byCategory.forEach((category, sent) -> {
			Map<UUID, Notification> byReader = sent.stream()
				.collect(Collectors.toMap(Notification::userId, (notification) -> notification, (a, b) -> a));
			for (UUID reader : this.repository.wanting(List.copyOf(byReader.keySet()), category)) {
				queue(byReader.get(reader), now);
			}
		});
	}

	/**
	 * An address removed since the person opted in: nothing to send, the inbox has the
	 * notice.
	 */
	private void queue(Notification notification, Instant now) {
		this.users.findById(notification.userId()).map(MailPreferences::address).ifPresent((address) -> {
			String language = this.repository.language(notification.userId()).orElse(MailPreferences.CHINESE);
			this.repository.queue(notification.id(), address, language, now, now.plus(this.settings.firstRetry()));
			this.events.publishEvent(new NoticeMailDue(notification.id()));
		});
	}

}
