package cn.govcloud.notification;

import java.util.Locale;

import cn.govcloud.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/account/notice-mail")
@Tag(name = "Account", description = "The caller's own account: notices by e-mail (C16)")
class MailPreferenceApi {

	private final MailPreferences preferences;

	MailPreferenceApi(MailPreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping
	@Operation(summary = "Which categories of notice also come to the caller by e-mail, in which language; "
			+ "whether e-mail is possible at all (an SMTP server, an address on the account)")
	MailPreference show(Locale locale) {
		return this.preferences.of(CurrentUser.get().userId(), locale);
	}

	@PutMapping
	@Operation(summary = "Choose the categories of notice (TASK, REMINDER, INFO) to get by e-mail too, "
			+ "and their language (zh-CN or en); turning any on needs an SMTP server and an address on the account")
	MailPreference choose(@RequestBody NoticeMailChoice choice) {
		return this.preferences.choose(CurrentUser.get().userId(), NoticeMailChoice.categories(choice.categories()),
				choice.language());
	}

}
