package cn.govcloud.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.shared.Sortable;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.FieldCipher;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Role;
import cn.govcloud.shared.Text;
import cn.govcloud.shared.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

	private static final String SELECT = """
			SELECT u.id, u.username, u.display_name, u.organization_id, o.name AS organization_name, o.kind,
			       u.phone, u.email, u.enabled, u.locked_until, u.must_change_password, u.password_changed_at,
			       u.created_at, u.password_hash, u.failed_attempts,
			       (SELECT string_agg(r.role, ',') FROM user_role r WHERE r.user_id = u.id) AS roles
			FROM app_user u JOIN organization o ON o.id = u.organization_id
			""";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	UserRepository(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	Optional<StoredUser> findById(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query(this::map).optional();
	}

	Optional<StoredUser> findByUsername(String username) {
		return this.jdbc.sql(SELECT + " WHERE lower(u.username) = lower(:username)")
			.param("username", username)
			.query(this::map)
			.optional();
	}

	/**
	 * Locks the row so that concurrent logins or role changes on one account are
	 * serialised.
	 */
	void lock(UUID id) {
		this.jdbc.sql("SELECT id FROM app_user WHERE id = :id FOR UPDATE").param("id", id).query().listOfRows();
	}

	/** The list's columns: the page's headers and the API's {@code sort}. */
	static final Sortable SORTABLE = Sortable.by("o.name, u.username, u.id", "u.id")
		.field("username", "u.username")
		.field("displayName", "u.display_name")
		.field("organizationName", "o.name")
		.field("enabled", "u.enabled")
		.field("createdAt", "u.created_at");

	List<StoredUser> search(DataScope scope, UUID organizationId, String text, String orderBy, int offset, int limit) {
		DataScope.SqlFilter filter = scope.sql("u.organization_id");
		return filter
			.bind(this.jdbc.sql(SELECT + " WHERE " + filter.clause() + FILTERS + " ORDER BY " + orderBy
					+ " LIMIT :limit OFFSET :offset"))
			.param("organizationId", organizationId)
			.param("text", text)
			.param("emailIndex", emailIndex(text))
			.param("limit", limit)
			.param("offset", offset)
			.query(this::map)
			.list();
	}

	long count(DataScope scope, UUID organizationId, String text) {
		DataScope.SqlFilter filter = scope.sql("u.organization_id");
		return filter
			.bind(this.jdbc.sql("SELECT count(*) FROM app_user u JOIN organization o ON o.id = u.organization_id WHERE "
					+ filter.clause() + FILTERS))
			.param("organizationId", organizationId)
			.param("text", text)
			.param("emailIndex", emailIndex(text))
			.query(Long.class)
			.single();
	}

	private static final String FILTERS = """
			 AND (CAST(:organizationId AS uuid) IS NULL OR u.organization_id = :organizationId)
			 AND (CAST(:text AS varchar) IS NULL OR u.username ILIKE '%' || :text || '%'
			      OR u.display_name ILIKE '%' || :text || '%'
			      OR u.email_index = CAST(:emailIndex AS varchar))
			""";

	/**
	 * A text that reads like an e-mail address also finds the person with exactly that
	 * address, through its blind index: the encrypted column is never compared (ADR
	 * 0037).
	 */
	private String emailIndex(String text) {
		return (text != null && text.contains("@")) ? this.cipher.index(PersonalFields.USER_EMAIL, text) : null;
	}

	long countEnabled() {
		return this.jdbc.sql("SELECT count(*) FROM app_user WHERE enabled").query(Long.class).single();
	}

	long countEnabledIn(UUID organizationId) {
		return this.jdbc.sql("SELECT count(*) FROM app_user WHERE enabled AND organization_id = :org")
			.param("org", organizationId)
			.query(Long.class)
			.single();
	}

	boolean existsByUsername(String username) {
		return this.jdbc.sql("SELECT count(*) FROM app_user WHERE lower(username) = lower(:username)")
			.param("username", username)
			.query(Long.class)
			.single() > 0;
	}

	List<UUID> withRole(UUID organizationId, Role role) {
		return this.jdbc.sql("""
				SELECT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id
				WHERE u.organization_id = :org AND r.role = :role AND u.enabled
				""").param("org", organizationId).param("role", role.name()).query(UUID.class).list();
	}

	List<RoleHolder> holders(Role role) {
		return this.jdbc.sql("""
				SELECT u.id, u.organization_id FROM app_user u JOIN user_role r ON r.user_id = u.id
				WHERE r.role = :role AND u.enabled
				""")
			.param("role", role.name())
			.query((rs, n) -> new RoleHolder(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list();
	}

	void insert(UUID id, UserForm form, String passwordHash, Instant now) {
		this.jdbc.sql("""
				INSERT INTO app_user (id, username, display_name, organization_id, phone, email, email_index,
				                      password_hash, password_changed_at, must_change_password, created_at)
				VALUES (:id, :username, :displayName, :org, :phone, :email, :emailIndex, :hash, :now, true, :now)
				""")
			.param("id", id)
			.param("username", form.username())
			.param("displayName", form.displayName())
			.param("org", form.organizationId())
			.param("phone", this.cipher.seal(PersonalFields.USER_PHONE, Text.stripToNull(form.phone())))
			.param("email", this.cipher.seal(PersonalFields.USER_EMAIL, Text.stripToNull(form.email())))
			.param("emailIndex", this.cipher.index(PersonalFields.USER_EMAIL, form.email()))
			.param("hash", passwordHash)
			.param("now", Timestamp.from(now))
			.update();
		replaceRoles(id, form.roles());
	}

	void replaceRoles(UUID userId, Set<Role> roles) {
		this.jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", userId).update();
		for (Role role : roles) {
			this.jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :role)")
				.param("id", userId)
				.param("role", role.name())
				.update();
		}
	}

	void updateProfile(UUID id, String displayName, String phone, String email) {
		this.jdbc.sql("""
				UPDATE app_user SET display_name = :name, phone = :phone, email = :email, email_index = :emailIndex
				WHERE id = :id
				""")
			.param("id", id)
			.param("name", displayName)
			.param("phone", this.cipher.seal(PersonalFields.USER_PHONE, Text.stripToNull(phone)))
			.param("email", this.cipher.seal(PersonalFields.USER_EMAIL, Text.stripToNull(email)))
			.param("emailIndex", this.cipher.index(PersonalFields.USER_EMAIL, email))
			.update();
	}

	void setPassword(UUID id, String hash, boolean mustChange, Instant now) {
		this.jdbc.sql("""
				UPDATE app_user SET password_hash = :hash, password_changed_at = :now,
				       must_change_password = :mustChange, failed_attempts = 0, locked_until = NULL
				WHERE id = :id
				""")
			.param("id", id)
			.param("hash", hash)
			.param("now", Timestamp.from(now))
			.param("mustChange", mustChange)
			.update();
	}

	/** Re-hashes with the current algorithm without touching the password's age. */
	void rehash(UUID id, String hash) {
		this.jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE id = :id")
			.param("id", id)
			.param("hash", hash)
			.update();
	}

	void remember(UUID userId, String oldHash, Instant now) {
		this.jdbc.sql("INSERT INTO password_history (user_id, password_hash, changed_at) VALUES (:id, :hash, :now)")
			.param("id", userId)
			.param("hash", oldHash)
			.param("now", Timestamp.from(now))
			.update();
	}

	List<String> recentHashes(UUID userId, int count) {
		return this.jdbc.sql("""
				SELECT password_hash FROM password_history WHERE user_id = :id ORDER BY changed_at DESC LIMIT :n
				""").param("id", userId).param("n", count).query(String.class).list();
	}

	void setLockout(UUID id, int failedAttempts, Instant lockedUntil) {
		this.jdbc.sql("UPDATE app_user SET failed_attempts = :n, locked_until = :until WHERE id = :id")
			.param("id", id)
			.param("n", failedAttempts)
			.param("until", Timestamps.timestamp(lockedUntil))
			.update();
	}

	void setEnabled(UUID id, boolean enabled) {
		this.jdbc.sql("UPDATE app_user SET enabled = :enabled WHERE id = :id")
			.param("id", id)
			.param("enabled", enabled)
			.update();
	}

	private StoredUser map(ResultSet rs, int row) throws SQLException {
		String roles = rs.getString("roles");
		Set<Role> roleSet = EnumSet.noneOf(Role.class);
		if (roles != null) {
			Arrays.stream(roles.split(",")).map(Role::valueOf).forEach(roleSet::add);
		}
		Timestamp locked = rs.getTimestamp("locked_until");
		UserAccount account = new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"),
				rs.getString("display_name"), rs.getObject("organization_id", UUID.class),
				rs.getString("organization_name"), OrganizationKind.valueOf(rs.getString("kind")), roleSet,
				this.cipher.open(PersonalFields.USER_PHONE, rs.getString("phone")),
				this.cipher.open(PersonalFields.USER_EMAIL, rs.getString("email")), rs.getBoolean("enabled"),
				Timestamps.instant(locked), rs.getBoolean("must_change_password"),
				rs.getTimestamp("password_changed_at").toInstant(), rs.getTimestamp("created_at").toInstant());
		return new StoredUser(account, rs.getString("password_hash"), rs.getInt("failed_attempts"));
	}

	/** An account with what only this module sees. */
	record StoredUser(UserAccount account, String passwordHash, int failedAttempts) {
	}

}
