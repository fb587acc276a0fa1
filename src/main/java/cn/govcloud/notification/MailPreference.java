package cn.govcloud.notification;

import java.util.Set;

/**
 * What a person chose about notices by e-mail, and whether they can choose at all.
 *
 * @param serverConfigured GovCloud has an SMTP server ({@code spring.mail.host}) and a
 * sender address; without them no e-mail goes out
 * @param address the address on the person's account, {@code null} if none is recorded
 * (the system administrator records it)
 * @param language {@code zh-CN} or {@code en}: the language of the e-mails
 * @param categories the categories of notice sent by e-mail as well; empty until the
 * person opts in
 */
record MailPreference(boolean serverConfigured, String address, String language, Set<NoticeCategory> categories) {

	public MailPreference {
		categories = Set.copyOf(categories);
	}

	/** E-mail can be turned on: a server and an address. */
	public boolean available() {
		return this.serverConfigured && this.address != null;
	}

}
