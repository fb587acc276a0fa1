package cn.govcloud.notification;

import java.time.Instant;
import java.util.UUID;

import cn.govcloud.notification.NoticeMailRepository.QueuedMail;
import cn.govcloud.notification.NoticeMailText.Composed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mail copy of a notification after the notification has committed (ADR
 * 0019). A failed send is recorded with the time of the next attempt and leaves the event
 * publication incomplete, so that {@link NoticeMailRetry} resubmits it; after
 * {@code govcloud.mail.max-attempts} it is given up. An e-mail recorded as sent is never
 * sent again.
 */
@Component
class NoticeMailDelivery {

	private static final Logger log = LoggerFactory.getLogger(NoticeMailDelivery.class);

	private static final int MAX_ERROR_LENGTH = 500;

	private final NoticeMailRepository repository;

	private final MailServer server;

	private final NoticeMailText text;

	private final MailSettings settings;

	private final TransactionTemplate transactions;

	NoticeMailDelivery(NoticeMailRepository repository, MailServer server, NoticeMailText text, MailSettings settings,
			TransactionTemplate transactions) {
		this.repository = repository;
		this.server = server;
		this.text = text;
		this.settings = settings;
		this.transactions = transactions;
	}

	/**
	 * No transaction around the listener: the attempt commits its own record (the row
	 * lock held while sending), and only then does a failure leave the publication
	 * incomplete — a listener transaction would roll the record of the attempt back.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(NoticeMailDue due) {
		String failure = this.transactions.execute((status) -> attempt(due.notificationId()));
		if (failure != null) {
			throw new NotSentYet(due.notificationId(), failure);
		}
	}

	/**
	 * One attempt; answers why the e-mail waits for another, {@code null} if it does not.
	 */
	private String attempt(UUID notificationId) {
		QueuedMail mail = this.repository.lock(notificationId).orElse(null);
		if (mail == null || !mail.pending()) {
			return null;
		}
		if (!this.server.on()) {
			return "no SMTP server configured";
		}
		int attempts = mail.attempts() + 1;
		Instant now = Instant.now();
		try {
			Composed composed = this.text.compose(mail);
			this.server.send(mail.address(), composed.subject(), composed.body());
		}
		catch (MailException ex) {
			String error = describe(ex);
			if (attempts >= this.settings.maxAttempts()) {
				log.warn("Gave up e-mailing notification {} after {} attempts: {}", notificationId, attempts, error);
				this.repository.failed(notificationId, attempts, error, null);
				return null;
			}
			this.repository.failed(notificationId, attempts, error, now.plus(this.settings.retryAfter(attempts)));
			return error;
		}
		this.repository.sent(notificationId, attempts, now);
		return null;
	}

	private static String describe(Exception ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String text = ex.getClass().getSimpleName() + ": " + cause;
		return (text.length() > MAX_ERROR_LENGTH) ? text.substring(0, MAX_ERROR_LENGTH) : text;
	}

	/**
	 * Leaves the event publication incomplete. Without a stack trace: the failure is
	 * expected (a server down) and recorded with the e-mail.
	 */
	static final class NotSentYet extends RuntimeException {

		NotSentYet(UUID notificationId, String failure) {
			super("E-mail of notification " + notificationId + " not sent yet: " + failure, null, false, false);
		}

	}

}
