package cn.govcloud.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.Sortable;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.FieldCipher;
import cn.govcloud.shared.OrganizationKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {

	private static final String COLUMNS = "id, kind, name, credit_code, contact_person, contact_phone, active, created_at";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	OrganizationRepository(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	Optional<Organization> findById(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	Optional<Organization> findByKind(OrganizationKind kind) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE kind = :kind ORDER BY created_at LIMIT 1")
			.param("kind", kind.name())
			.query(this::map)
			.optional();
	}

	List<Organization> active() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE active ORDER BY kind, name")
			.query(this::map)
			.list();
	}

	List<Organization> ofKind(OrganizationKind kind) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE kind = :kind ORDER BY name")
			.param("kind", kind.name())
			.query(this::map)
			.list();
	}

	List<OrganizationName> names(OrganizationKind kind) {
		return this.jdbc.sql("SELECT id, name, active FROM organization WHERE kind = :kind ORDER BY name")
			.param("kind", kind.name())
			.query((rs, row) -> new OrganizationName(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getBoolean("active")))
			.list();
	}

	List<Organization> activeOfKind(OrganizationKind kind) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE kind = :kind AND active ORDER BY name")
			.param("kind", kind.name())
			.query(this::map)
			.list();
	}

	/** The list's columns: the page's headers and the API's {@code sort}. */
	static final Sortable SORTABLE = Sortable.by("kind, name, id", "id")
		.field("name", "name")
		.field("kind", "kind")
		.field("creditCode", "credit_code")
		.field("contactPerson", "contact_person")
		.field("active", "active");

	List<Organization> search(DataScope scope, OrganizationKind kind, String text, String orderBy, int offset,
			int limit) {
		DataScope.SqlFilter filter = scope.sql("id");
		return filter.bind(this.jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE " + filter.clause()
				+ " AND (CAST(:kind AS varchar) IS NULL OR kind = :kind)"
				+ " AND (CAST(:text AS varchar) IS NULL OR name ILIKE '%' || :text || '%' OR credit_code ILIKE '%' || :text || '%')"
				+ " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset"))
			.param("kind", (kind != null) ? kind.name() : null)
			.param("text", text)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::map)
			.list();
	}

	long count(DataScope scope, OrganizationKind kind, String text) {
		DataScope.SqlFilter filter = scope.sql("id");
		return filter.bind(this.jdbc.sql("SELECT count(*) FROM organization WHERE " + filter.clause()
				+ " AND (CAST(:kind AS varchar) IS NULL OR kind = :kind)"
				+ " AND (CAST(:text AS varchar) IS NULL OR name ILIKE '%' || :text || '%' OR credit_code ILIKE '%' || :text || '%')"))
			.param("kind", (kind != null) ? kind.name() : null)
			.param("text", text)
			.query(Long.class)
			.single();
	}

	Map<OrganizationKind, Long> countByKind() {
		Map<OrganizationKind, Long> counts = new java.util.EnumMap<>(OrganizationKind.class);
		this.jdbc.sql("SELECT kind, count(*) AS n FROM organization WHERE active GROUP BY kind")
			.query((ResultSet rs) -> {
				counts.put(OrganizationKind.valueOf(rs.getString("kind")), rs.getLong("n"));
			});
		return counts;
	}

	boolean existsByCreditCode(String creditCode, UUID except) {
		return this.jdbc.sql("SELECT count(*) FROM organization WHERE credit_code = :code AND id <> :except")
			.param("code", creditCode)
			.param("except", except)
			.query(Long.class)
			.single() > 0;
	}

	boolean existsByName(String name, UUID except) {
		return this.jdbc.sql("SELECT count(*) FROM organization WHERE lower(name) = lower(:name) AND id <> :except")
			.param("name", name)
			.param("except", except)
			.query(Long.class)
			.single() > 0;
	}

	boolean existsByKind(OrganizationKind kind) {
		return this.jdbc.sql("SELECT count(*) FROM organization WHERE kind = :kind")
			.param("kind", kind.name())
			.query(Long.class)
			.single() > 0;
	}

	void insert(Organization organization) {
		this.jdbc
			.sql("""
					INSERT INTO organization (id, kind, name, credit_code, contact_person, contact_phone, active, created_at)
					VALUES (:id, :kind, :name, :creditCode, :contactPerson, :contactPhone, :active, :createdAt)
					""")
			.param("id", organization.id())
			.param("kind", organization.kind().name())
			.param("name", organization.name())
			.param("creditCode", organization.creditCode())
			.param("contactPerson", organization.contactPerson())
			.param("contactPhone", this.cipher.seal(PersonalFields.CONTACT_PHONE, organization.contactPhone()))
			.param("active", organization.active())
			.param("createdAt", java.sql.Timestamp.from(organization.createdAt()))
			.update();
	}

	void update(Organization organization) {
		this.jdbc.sql("""
				UPDATE organization SET name = :name, credit_code = :creditCode, contact_person = :contactPerson,
				       contact_phone = :contactPhone, active = :active
				WHERE id = :id
				""")
			.param("id", organization.id())
			.param("name", organization.name())
			.param("creditCode", organization.creditCode())
			.param("contactPerson", organization.contactPerson())
			.param("contactPhone", this.cipher.seal(PersonalFields.CONTACT_PHONE, organization.contactPhone()))
			.param("active", organization.active())
			.update();
	}

	private Organization map(ResultSet rs, int row) throws SQLException {
		return new Organization(rs.getObject("id", UUID.class), OrganizationKind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getString("credit_code"), rs.getString("contact_person"),
				this.cipher.open(PersonalFields.CONTACT_PHONE, rs.getString("contact_phone")), rs.getBoolean("active"),
				rs.getTimestamp("created_at").toInstant());
	}

}
