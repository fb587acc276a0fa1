package cn.govcloud.notification;

import cn.govcloud.shared.Sortable;
import cn.govcloud.shared.Timestamps;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {

	private static final String SELECT = """
			SELECT id, user_id, category, code, args, link, created_at, read_at FROM notification
			""";

	private static final String UNREAD = " AND read_at IS NULL";

	private final JdbcClient jdbc;

	NotificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Notification notification) {
		this.jdbc.sql("""
				INSERT INTO notification (id, user_id, category, code, args, link, created_at)
				VALUES (:id, :user, :category, :code, CAST(:args AS text[]), :link, :createdAt)
				""")
			.param("id", notification.id())
			.param("user", notification.userId())
			.param("category", notification.category().name())
			.param("code", notification.code())
			.param("args", notification.args().toArray(String[]::new))
			.param("link", notification.link())
			.param("createdAt", Timestamp.from(notification.createdAt()))
			.update();
	}

	/** One statement however many people are told; what it wrote. */
	List<Notification> insertForEach(List<UUID> userIds, Notice notice, Instant createdAt) {
		return this.jdbc.sql("""
				INSERT INTO notification (id, user_id, category, code, args, link, created_at)
				SELECT gen_random_uuid(), recipient, :category, :code, CAST(:args AS text[]), :link, :createdAt
				FROM unnest(CAST(:users AS uuid[])) AS recipient
				RETURNING id, user_id, category, code, args, link, created_at, read_at
				""")
			.param("users", userIds.toArray(UUID[]::new))
			.param("category", notice.category().name())
			.param("code", notice.code())
			.param("args", notice.args().toArray(String[]::new))
			.param("link", notice.link())
			.param("createdAt", Timestamp.from(createdAt))
			.query(NotificationRepository::map)
			.list();
	}

	Optional<Notification> find(UUID userId, UUID id) {
		return this.jdbc.sql(SELECT + " WHERE id = :id AND user_id = :user")
			.param("id", id)
			.param("user", userId)
			.query(NotificationRepository::map)
			.optional();
	}

	/** The list's fields for the API's {@code sort}. */
	static final Sortable SORTABLE = Sortable.by("created_at DESC, id DESC", "id")
		.field("createdAt", "created_at")
		.field("readAt", "read_at")
		.field("category", "category");

	/**
	 * Newest first unless {@code orderBy} (one of {@link #SORTABLE}'s) says otherwise.
	 * The unread list is its own statement so that it uses the partial index.
	 */
	List<Notification> list(UUID userId, boolean unreadOnly, String orderBy, int offset, int limit) {
		return this.jdbc
			.sql(SELECT + " WHERE user_id = :user" + (unreadOnly ? UNREAD : "") + " ORDER BY " + orderBy
					+ " LIMIT :limit OFFSET :offset")
			.param("user", userId)
			.param("limit", limit)
			.param("offset", offset)
			.query(NotificationRepository::map)
			.list();
	}

	long count(UUID userId, boolean unreadOnly) {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :user" + (unreadOnly ? UNREAD : ""))
			.param("user", userId)
			.query(Long.class)
			.single();
	}

	/** Only an unread one: a notification read already keeps its first time. */
	void markRead(UUID userId, UUID id, Instant at) {
		this.jdbc.sql("UPDATE notification SET read_at = :at WHERE id = :id AND user_id = :user AND read_at IS NULL")
			.param("id", id)
			.param("user", userId)
			.param("at", Timestamp.from(at))
			.update();
	}

	int markAllRead(UUID userId, Instant at) {
		return this.jdbc.sql("UPDATE notification SET read_at = :at WHERE user_id = :user AND read_at IS NULL")
			.param("user", userId)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Serialises deliveries that depend on what a person's inbox holds, across GovCloud
	 * nodes, until the transaction ends.
	 */
	void lockInbox(UUID userId) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('notification:' || CAST(:user AS text), 0))")
			.param("user", userId)
			.query()
			.singleRow();
	}

	private static Notification map(ResultSet rs, int row) throws SQLException {
		Array args = rs.getArray("args");
		Timestamp readAt = rs.getTimestamp("read_at");
		return new Notification(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				NoticeCategory.valueOf(rs.getString("category")), rs.getString("code"),
				List.of((String[]) args.getArray()), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
				Timestamps.instant(readAt));
	}

}
