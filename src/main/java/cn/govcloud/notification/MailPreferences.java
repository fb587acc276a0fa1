package cn.govcloud.notification;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.organization.UserAccount;
import cn.govcloud.organization.Users;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's choice of notices by e-mail (PRODUCT C16, ADR 0019): per category of
 * notice, off until they opt in, in the language they read GovCloud in.
 */
@Service
class MailPreferences {

	/** GovCloud's languages as stored; Simplified Chinese is the default. */
	public static final String CHINESE = "zh-CN";

	public static final String ENGLISH = "en";

	private final NoticeMailRepository repository;

	private final MailServer server;

	private final Users users;

	MailPreferences(NoticeMailRepository repository, MailServer server, Users users) {
		this.repository = repository;
		this.server = server;
		this.users = users;
	}

	/** The person's choice; the language defaults to {@code shown}, the page's own. */
	public MailPreference of(UUID userId, Locale shown) {
		return new MailPreference(this.server.on(), address(account(userId)),
				this.repository.language(userId).orElse(language(shown)), this.repository.chosen(userId));
	}

	/**
	 * Records the categories to receive by e-mail and their language ({@code null} keeps
	 * the one chosen before). Turning any on needs an SMTP server and an address on the
	 * account; turning all off always works.
	 */
	@Transactional
	public MailPreference choose(UUID userId, Set<NoticeCategory> categories, String chosenLanguage) {
		UserAccount account = account(userId);
		String language = (chosenLanguage != null) ? chosenLanguage : this.repository.language(userId).orElse(CHINESE);
		if (!(CHINESE.equals(language) || ENGLISH.equals(language))) {
			throw InvalidInputException.of("language", "mail.language.unknown");
		}
		Set<NoticeCategory> chosen = (categories != null) ? Set.copyOf(categories) : Set.of();
		if (!chosen.isEmpty() && !this.server.on()) {
			throw InvalidInputException.of("categories", "mail.server.off");
		}
		if (!chosen.isEmpty() && address(account) == null) {
			throw InvalidInputException.of("categories", "mail.address.missing");
		}
		Instant now = Instant.now();
		this.repository.choose(userId, chosen, now);
		this.repository.rememberLanguage(userId, language, now);
		return of(userId, Locale.forLanguageTag(language));
	}

	/** The language the person last chose in GovCloud's pages, for their e-mails. */
	@Transactional
	public void rememberLanguage(UUID userId, Locale chosen) {
		this.repository.rememberLanguage(userId, language(chosen), Instant.now());
	}

	/** GovCloud speaks English to whoever asks for it, Chinese to everyone else. */
	static String language(Locale locale) {
		return (locale != null && ENGLISH.equals(locale.getLanguage())) ? ENGLISH : CHINESE;
	}

	static String address(UserAccount account) {
		return (account.email() != null && !account.email().isBlank()) ? account.email().strip() : null;
	}

	private UserAccount account(UUID userId) {
		return this.users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
	}

}
