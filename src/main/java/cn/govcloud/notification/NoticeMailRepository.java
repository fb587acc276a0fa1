package cn.govcloud.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who wants which notices by e-mail, in which language, and what became of each e-mail.
 */
@Repository
class NoticeMailRepository {

	private final JdbcClient jdbc;

	NoticeMailRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Set<NoticeCategory> chosen(UUID userId) {
		Set<NoticeCategory> chosen = EnumSet.noneOf(NoticeCategory.class);
		this.jdbc.sql("SELECT category FROM notice_mail_choice WHERE user_id = :user AND enabled")
			.param("user", userId)
			.query(String.class)
			.list()
			.forEach((category) -> chosen.add(NoticeCategory.valueOf(category)));
		return chosen;
	}

	/** One row per category: what was not chosen is recorded as off. */
	void choose(UUID userId, Set<NoticeCategory> chosen, Instant at) {
		for (NoticeCategory category : NoticeCategory.values()) {
			this.jdbc
				.sql("""
						INSERT INTO notice_mail_choice (user_id, category, enabled, chosen_at)
						VALUES (:user, :category, :enabled, :at)
						ON CONFLICT (user_id, category) DO UPDATE SET enabled = excluded.enabled, chosen_at = excluded.chosen_at
						""")
				.param("user", userId)
				.param("category", category.name())
				.param("enabled", chosen.contains(category))
				.param("at", Timestamp.from(at))
				.update();
		}
	}

	/** Of {@code userIds}, those who want notices of {@code category} by e-mail. */
	List<UUID> wanting(List<UUID> userIds, NoticeCategory category) {
		return this.jdbc.sql("""
				SELECT user_id FROM notice_mail_choice
				WHERE user_id = ANY(CAST(:users AS uuid[])) AND category = :category AND enabled
				""")
			.param("users", userIds.toArray(UUID[]::new))
			.param("category", category.name())
			.query(UUID.class)
			.list();
	}

	Optional<String> language(UUID userId) {
		return this.jdbc.sql("SELECT language FROM notice_reader WHERE user_id = :user")
			.param("user", userId)
			.query(String.class)
			.optional();
	}

	void rememberLanguage(UUID userId, String language, Instant at) {
		this.jdbc.sql("""
				INSERT INTO notice_reader (user_id, language, chosen_at) VALUES (:user, :language, :at)
				ON CONFLICT (user_id) DO UPDATE SET language = excluded.language, chosen_at = excluded.chosen_at
				WHERE notice_reader.language <> excluded.language
				""").param("user", userId).param("language", language).param("at", Timestamp.from(at)).update();
	}

	void queue(UUID notificationId, String address, String language, Instant at, Instant firstRetry) {
		this.jdbc.sql("""
				INSERT INTO notice_mail (notification_id, address, language, status, next_attempt_at, queued_at)
				VALUES (:id, :address, :language, 'PENDING', :next, :at)
				""")
			.param("id", notificationId)
			.param("address", address)
			.param("language", language)
			.param("next", Timestamp.from(firstRetry))
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * The e-mail of a notification, locked until the transaction ends: two attempts at
	 * the same e-mail (two nodes, or a retry overtaking a slow first try) run one after
	 * the other, and the second sees what the first did.
	 */
	Optional<QueuedMail> lock(UUID notificationId) {
		return this.jdbc.sql("""
				SELECT m.address, m.language, m.status, m.attempts, n.category, n.code, n.args
				FROM notice_mail m JOIN notification n ON n.id = m.notification_id
				WHERE m.notification_id = :id FOR UPDATE OF m
				""")
			.param("id", notificationId)
			.query((rs, row) -> new QueuedMail(notificationId, rs.getString("address"), rs.getString("language"),
					rs.getString("status"), rs.getInt("attempts"), NoticeCategory.valueOf(rs.getString("category")),
					rs.getString("code"), List.of((String[]) rs.getArray("args").getArray())))
			.optional();
	}

	void sent(UUID notificationId, int attempts, Instant at) {
		this.jdbc.sql("""
				UPDATE notice_mail SET status = 'SENT', attempts = :attempts, sent_at = :at, last_error = NULL
				WHERE notification_id = :id
				""").param("id", notificationId).param("attempts", attempts).param("at", Timestamp.from(at)).update();
	}

	/** A failed attempt; {@code next == null}: given up. */
	void failed(UUID notificationId, int attempts, String error, Instant next) {
		this.jdbc.sql("""
				UPDATE notice_mail SET status = :status, attempts = :attempts, last_error = :error,
				       next_attempt_at = COALESCE(CAST(:next AS timestamptz), next_attempt_at)
				WHERE notification_id = :id
				""")
			.param("id", notificationId)
			.param("status", (next != null) ? "PENDING" : "FAILED")
			.param("attempts", attempts)
			.param("error", error)
			.param("next", Timestamps.timestamp(next))
			.update();
	}

	/** E-mails whose next attempt is due. */
	Set<UUID> due(Instant now) {
		return Set.copyOf(this.jdbc
			.sql("SELECT notification_id FROM notice_mail WHERE status = 'PENDING' AND next_attempt_at <= :now")
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.list());
	}

	record QueuedMail(UUID notificationId, String address, String language, String status, int attempts,
			NoticeCategory category, String code, List<String> args) {

		boolean pending() {
			return "PENDING".equals(this.status);
		}

	}

}
