package cn.govcloud.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.organization.Users;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everyone's in-app inbox (PRODUCT C16), and the one call other modules make to tell
 * someone something. A notification belongs to one person: asked for by anyone else it
 * does not exist, exactly like an id that was never issued. Notifications are records:
 * never removed, only marked read, once, with the time.
 *
 * <p>
 * Delivery joins the caller's transaction, so a notice is sent if and only if the change
 * it announces is committed. Whoever chose to also get a category of notice by e-mail
 * gets a copy after the commit ({@link MailPreferences}, ADR 0019); the inbox has the
 * notice whatever becomes of the e-mail.
 */
@Service
public class Inbox {

	private final NotificationRepository repository;

	private final Users users;

	private final NoticeMailQueue mail;

	Inbox(NotificationRepository repository, Users users, NoticeMailQueue mail) {
		this.repository = repository;
		this.users = users;
		this.mail = mail;
	}

	/** Tells one person. */
	@Transactional
	public Notification notifyUser(UUID userId, Notice notice) {
		Notification notification = new Notification(UUID.randomUUID(), userId, notice.category(), notice.code(),
				notice.args(), notice.link(), now(), null);
		this.repository.insert(notification);
		this.mail.queue(List.of(notification));
		return notification;
	}

	/**
	 * Tells everyone whose account is enabled and who holds {@code role} in an
	 * organisation, each with their own copy to read.
	 * @return the people told
	 */
	@Transactional
	public List<UUID> notifyRole(UUID organizationId, Role role, Notice notice) {
		List<UUID> recipients = this.users.withRole(organizationId, role);
		if (!recipients.isEmpty()) {
			this.mail.queue(this.repository.insertForEach(recipients, notice, now()));
		}
		return recipients;
	}

	/** One count on a partial index: cheap enough for every page. */
	public long unreadCount(UUID userId) {
		return this.repository.count(userId, true);
	}

	/** A person's notifications, newest first. */
	public Page<Notification> list(UUID userId, boolean unreadOnly, int page, int size) {
		return list(userId, unreadOnly, null, page, size);
	}

	/**
	 * The same in {@code sort}'s order ({@code field,asc|desc}; null: newest first).
	 * @throws InvalidInputException naming {@code sort} for a field the list cannot sort
	 * by
	 */
	public Page<Notification> list(UUID userId, boolean unreadOnly, String sort, int page, int size) {
		Page.Request request = Page.request(page, size, NotificationRepository.SORTABLE.parse(sort));
		List<Notification> items = this.repository.list(userId, unreadOnly,
				NotificationRepository.SORTABLE.orderBy(request.order()), request.offset(), request.size());
		return request.of(items, this.repository.count(userId, unreadOnly));
	}

	/** One of the person's own notifications; anyone else's is "not found". */
	public Notification find(UUID userId, UUID id) {
		return this.repository.find(userId, id).orElseThrow(() -> new NotFoundException("notification", id));
	}

	/**
	 * Marks one of the person's own notifications read; one read already keeps its first
	 * time.
	 */
	@Transactional
	public Notification markRead(UUID userId, UUID id) {
		this.repository.markRead(userId, id, now());
		return find(userId, id);
	}

	/**
	 * @return how many were unread until now
	 */
	@Transactional
	public int markAllRead(UUID userId) {
		return this.repository.markAllRead(userId, now());
	}

	/**
	 * Sends {@code notices} only if the person's inbox holds nothing yet, once even when
	 * several nodes try at the same time.
	 * @return whether they were sent
	 */
	@Transactional
	boolean notifyIfEmpty(UUID userId, List<Notice> notices) {
		this.repository.lockInbox(userId);
		if (this.repository.count(userId, false) > 0) {
			return false;
		}
		notices.forEach((notice) -> notifyUser(userId, notice));
		return true;
	}

	/** The database keeps microseconds: so does what this answers. */
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
