package cn.govcloud.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The SMTP server of {@code spring.mail.*}, when one is configured. Boot makes a sender
 * only when {@code spring.mail.host} is set; without it, or without
 * {@code govcloud.mail.from}, e-mail is off and nothing fails.
 */
@Component
class MailServer {

	private static final Logger log = LoggerFactory.getLogger(MailServer.class);

	private final JavaMailSender sender;

	private final String from;

	MailServer(ObjectProvider<JavaMailSender> sender, MailSettings settings) {
		this.from = (settings.from() != null && !settings.from().isBlank()) ? settings.from().strip() : null;
		this.sender = (this.from != null) ? sender.getIfAvailable() : null;
		if (this.sender == null && sender.getIfAvailable() != null) {
			log.warn("spring.mail.host is set but govcloud.mail.from is not: notices are not sent by e-mail");
		}
		log.info("Notices by e-mail: {}", on() ? "on, from " + this.from : "off (no SMTP server configured)");
	}

	boolean on() {
		return this.sender != null;
	}

	/**
	 * A plain-text message in UTF-8; throws if the server refuses it or cannot be
	 * reached.
	 */
	void send(String to, String subject, String body) {
		MimeMessage message = this.sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(body, false);
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
		this.sender.send(message);
	}

}
