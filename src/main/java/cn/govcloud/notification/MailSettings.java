package cn.govcloud.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notices by e-mail (ADR 0019). The SMTP server itself is {@code spring.mail.*}; without
 * {@code spring.mail.host} and a sender address, no e-mail goes out and people are told
 * so on their account page.
 *
 * @param from the sender address, e.g. {@code govcloud@city.gov.cn}
 * @param firstRetry the wait after the first failed send; each later wait doubles
 * @param maxRetry the longest wait between two attempts
 * @param maxAttempts after this many failed attempts the e-mail is given up (the inbox
 * keeps the notice)
 */
@ConfigurationProperties("govcloud.mail")
record MailSettings(String from, @DefaultValue("1m") Duration firstRetry, @DefaultValue("1h") Duration maxRetry,
		@DefaultValue("10") int maxAttempts) {

	/** The wait after {@code attempts} failed attempts: doubling, capped. */
	Duration retryAfter(int attempts) {
		Duration wait = this.firstRetry;
		for (int i = 1; i < attempts && wait.compareTo(this.maxRetry) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxRetry) > 0) ? this.maxRetry : wait;
	}

}
