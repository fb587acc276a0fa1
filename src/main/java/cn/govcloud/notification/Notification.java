package cn.govcloud.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notice as delivered to one person.
 *
 * @param userId the one person it belongs to; nobody else ever sees it
 * @param readAt when its owner marked or opened it, {@code null} while unread
 */
public record Notification(UUID id, UUID userId, NoticeCategory category, String code, List<String> args, String link,
		Instant createdAt, Instant readAt) {

	public Notification {
		args = List.copyOf(args);
	}

	public boolean unread() {
		return this.readAt == null;
	}

}
