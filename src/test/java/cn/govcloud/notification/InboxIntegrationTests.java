package cn.govcloud.notification;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import cn.govcloud.organization.UserAccount;
import cn.govcloud.organization.UserForm;
import cn.govcloud.organization.Users;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The inbox as other modules use it, on the real database. */
@GovCloudIntegrationTest
class InboxIntegrationTests {

	@Autowired
	Inbox inbox;

	@Autowired
	Users users;

	@Autowired
	WelcomeNotices welcome;

	@Autowired
	JdbcClient jdbc;

	@Test
	void notifyRoleReachesTheUnitAdministratorOfUnitOneAndNobodyElse() {
		UserAccount unitadmin = user("unitadmin");
		String marker = UUID.randomUUID().toString();

		List<UUID> told = this.inbox.notifyRole(unitadmin.organizationId(), Role.UNIT_ADMIN, notice(marker));

		assertThat(told).containsExactly(unitadmin.id());
		assertThat(received(unitadmin, marker)).isEqualTo(1);
		assertThat(received(user("unitadmin2"), marker)).as("same role, other unit").isZero();
		assertThat(received(user("unitmember"), marker)).as("same unit, other role").isZero();
		assertThat(received(user("officer"), marker)).as("same unit, other role").isZero();
		assertThat(sentWith(marker)).isEqualTo(1);
	}

	/**
	 * In a unit without demo people, so that the demo units keep the head counts other
	 * tests check.
	 */
	@Test
	void notifyRoleReachesEveryEnabledHolderOfTheRoleAndNoDisabledOne() {
		UUID unit = this.jdbc.sql("SELECT id FROM organization WHERE name = '宜兴市行政审批局'").query(UUID.class).single();
		UserAccount first = newUser(unit, Role.UNIT_ADMIN);
		UserAccount second = newUser(unit, Role.UNIT_ADMIN);
		UserAccount disabled = newUser(unit, Role.UNIT_ADMIN);
		UserAccount member = newUser(unit, Role.UNIT_MEMBER);
		this.users.setEnabled(disabled.id(), false);
		String marker = UUID.randomUUID().toString();

		List<UUID> told = this.inbox.notifyRole(unit, Role.UNIT_ADMIN, notice(marker));

		assertThat(told).containsExactlyInAnyOrder(first.id(), second.id());
		assertThat(received(first, marker)).isEqualTo(1);
		assertThat(received(second, marker)).isEqualTo(1);
		assertThat(received(disabled, marker)).as("disabled account").isZero();
		assertThat(received(member, marker)).as("other role").isZero();
		assertThat(sentWith(marker)).isEqualTo(2);
	}

	@Test
	void notifyRoleWithoutHoldersTellsNobody() {
		UUID police = user("unitadmin").organizationId();
		assertThat(this.inbox.notifyRole(police, Role.SUPPLIER_MANAGER, Notice.of(NoticeCategory.INFO, "x"))).isEmpty();
	}

	@Test
	void aNotificationKeepsItsArgumentsAndLinkAndIsReadOnce() {
		UserAccount officer = user("officer");
		long unreadBefore = this.inbox.unreadCount(officer.id());
		Notification sent = this.inbox.notifyUser(officer.id(),
				Notice.of(NoticeCategory.REMINDER, "notification.welcome.hello", "O'Brien, {1} \"<b>\"")
					.linkingTo("/account/tokens?x=1"));

		Notification stored = this.inbox.find(officer.id(), sent.id());
		assertThat(stored.args()).containsExactly("O'Brien, {1} \"<b>\"");
		assertThat(stored.link()).isEqualTo("/account/tokens?x=1");
		assertThat(stored.category()).isEqualTo(NoticeCategory.REMINDER);
		assertThat(stored.unread()).isTrue();
		assertThat(this.inbox.unreadCount(officer.id())).isEqualTo(unreadBefore + 1);

		Instant firstRead = this.inbox.markRead(officer.id(), sent.id()).readAt();
		assertThat(firstRead).isNotNull();
		assertThat(this.inbox.markRead(officer.id(), sent.id()).readAt()).isEqualTo(firstRead);
		assertThat(this.inbox.unreadCount(officer.id())).isEqualTo(unreadBefore);
	}

	@Test
	void nobodyElseFindsOrMarksSomeonesNotification() {
		Notification sent = this.inbox.notifyUser(user("unitadmin").id(), Notice.of(NoticeCategory.INFO, "x"));
		UUID other = user("unitadmin2").id();

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.inbox.find(other, sent.id()));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.inbox.markRead(other, sent.id()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.inbox.markRead(other, UUID.randomUUID()));
		this.inbox.markAllRead(other);
		assertThat(this.inbox.find(user("unitadmin").id(), sent.id()).unread()).isTrue();
	}

	@Test
	void listsNewestFirstAndFiltersUnread() {
		UUID finance = user("finance").id();
		Notification older = this.inbox.notifyUser(finance, Notice.of(NoticeCategory.INFO, "older"));
		Notification newer = this.inbox.notifyUser(finance, Notice.of(NoticeCategory.INFO, "newer"));
		this.inbox.markRead(finance, older.id());

		assertThat(this.inbox.list(finance, false, 0, 200).items()).extracting(Notification::id)
			.containsSubsequence(newer.id(), older.id());
		assertThat(this.inbox.list(finance, true, 0, 200).items()).extracting(Notification::id)
			.contains(newer.id())
			.doesNotContain(older.id());
		assertThat(this.inbox.list(finance, true, 0, 200).items()).allMatch(Notification::unread);
		assertThat(this.inbox.list(finance, true, 0, 200).total()).isEqualTo(this.inbox.unreadCount(finance));
	}

	@Test
	void notificationsAreRecordsThatAreNeverRemovedOrRewritten() {
		Notification sent = this.inbox.notifyUser(user("officer").id(), Notice.of(NoticeCategory.INFO, "x"));
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("DELETE FROM notification WHERE id = :id").param("id", sent.id()).update());
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("UPDATE notification SET code = 'y' WHERE id = :id")
				.param("id", sent.id())
				.update());
		this.inbox.markRead(sent.userId(), sent.id());
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.sql("UPDATE notification SET read_at = NULL WHERE id = :id")
				.param("id", sent.id())
				.update());
	}

	@Test
	void theDemoUnitAdministratorWasWelcomedAtStartAndIsNotWelcomedAgain() {
		UserAccount unitadmin = user("unitadmin");
		assertThat(count("code = 'notification.welcome.hello' AND args = ARRAY[CAST(:name AS text)]", unitadmin.id(),
				unitadmin.displayName()))
			.isEqualTo(1);
		assertThat(count("code = 'notification.welcome.tokens' AND link = :name", unitadmin.id(), "/account/tokens"))
			.isEqualTo(1);
		long all = count("TRUE", unitadmin.id(), "");

		this.welcome.welcome();

		assertThat(count("TRUE", unitadmin.id(), "")).isEqualTo(all);
	}

	@Test
	void notifyIfEmptySendsOnlyIntoAnEmptyInbox() {
		UUID unit = this.jdbc.sql("SELECT id FROM organization WHERE name = '宜兴市行政审批局'").query(UUID.class).single();
		UserAccount newcomer = newUser(unit, Role.UNIT_MEMBER);
		List<Notice> welcome = WelcomeNotices.notices(newcomer);

		assertThat(this.inbox.notifyIfEmpty(newcomer.id(), welcome)).isTrue();
		assertThat(this.inbox.notifyIfEmpty(newcomer.id(), welcome)).isFalse();

		assertThat(this.inbox.list(newcomer.id(), false, 0, 20).items()).extracting(Notification::code)
			.containsExactly("notification.welcome.hello", "notification.welcome.tokens");
	}

	private UserAccount user(String username) {
		return this.users.findByUsername(username).orElseThrow();
	}

	private UserAccount newUser(UUID organization, Role role) {
		String username = "inbox-" + UUID.randomUUID().toString().substring(0, 8);
		return this.users.create(new UserForm(username, "收件测试 " + username, organization, Set.of(role), null, null,
				TestClient.DEMO_PASSWORD));
	}

	private static Notice notice(String marker) {
		return Notice.of(NoticeCategory.TASK, "notification.welcome.hello", marker);
	}

	private long count(String condition, UUID user, String name) {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :user AND " + condition)
			.param("user", user)
			.param("name", name)
			.query(Long.class)
			.single();
	}

	private long sentWith(String marker) {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE :marker = ANY(args)")
			.param("marker", marker)
			.query(Long.class)
			.single();
	}

	private long received(UserAccount user, String marker) {
		return this.inbox.list(user.id(), false, 0, 200)
			.items()
			.stream()
			.filter((notification) -> notification.args().contains(marker))
			.count();
	}

}
