package cn.govcloud.notification;

import java.util.List;

import cn.govcloud.organization.UserAccount;
import cn.govcloud.organization.Users;
import cn.govcloud.shared.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * With demo data, something to see in the demo unit administrator's inbox: two welcome
 * notices, sent once. Lives here rather than in the demo data of the organisation module,
 * which must not depend on notifications.
 */
@Component
class WelcomeNotices {

	static final String DEMO_USERNAME = "unitadmin";

	private static final Logger log = LoggerFactory.getLogger(WelcomeNotices.class);

	private final DatabaseMode mode;

	private final Users users;

	private final Inbox inbox;

	WelcomeNotices(DatabaseMode mode, Users users, Inbox inbox) {
		this.mode = mode;
		this.users = users;
		this.inbox = inbox;
	}

	@EventListener(ApplicationReadyEvent.class)
	void welcome() {
		if (!this.mode.demoData()) {
			return;
		}
		this.users.findByUsername(DEMO_USERNAME).ifPresent((account) -> {
			if (this.inbox.notifyIfEmpty(account.id(), notices(account))) {
				log.info("Sent the welcome notices to demo user {}", DEMO_USERNAME);
			}
		});
	}

	/** Oldest first: the greeting is sent last, so it is on top of the inbox. */
	static List<Notice> notices(UserAccount account) {
		return List.of(Notice.of(NoticeCategory.INFO, "notification.welcome.tokens").linkingTo("/account/tokens"),
				Notice.of(NoticeCategory.INFO, "notification.welcome.hello", account.displayName()));
	}

}
