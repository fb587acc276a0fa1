package cn.govcloud.notification;

import java.util.Locale;

import cn.govcloud.notification.NoticeMailRepository.QueuedMail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An e-mail's subject and body in its reader's language, from the same message bundles as
 * the inbox, with a link that opens the notice in GovCloud.
 */
@Component
class NoticeMailText {

	static final int SUBJECT_TEXT_LENGTH = 60;

	private final MessageSource messages;

	private final String publicUrl;

	NoticeMailText(MessageSource messages, @Value("${govcloud.public-url:http://localhost:8080}") String publicUrl) {
		this.messages = messages;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	Composed compose(QueuedMail mail) {
		Locale locale = Locale.forLanguageTag(mail.language());
		String text = this.messages.getMessage(mail.code(), mail.args().toArray(), mail.code(), locale);
		String category = this.messages.getMessage("notification.category." + mail.category(), null, locale);
		String subject = this.messages.getMessage("mail.notice.subject", new Object[] { category, headline(text) },
				locale);
		String open = this.publicUrl + "/inbox/" + mail.notificationId() + "/open";
		String body = this.messages.getMessage("mail.notice.body",
				new Object[] { text, open, this.publicUrl + "/account/notices" }, locale);
		return new Composed(subject, body);
	}

	/** One line, cut short: a subject is no place for a whole notice. */
	static String headline(String text) {
		String line = text.replaceAll("\\s+", " ").strip();
		return (line.codePointCount(0, line.length()) <= SUBJECT_TEXT_LENGTH) ? line
				: line.substring(0, line.offsetByCodePoints(0, SUBJECT_TEXT_LENGTH - 1)) + "…";
	}

	record Composed(String subject, String body) {
	}

}
