package cn.govcloud.systems;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Filters;
import cn.govcloud.shared.Sortable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SystemRepository {

	private static final String SELECT = """
			SELECT s.*, o.name AS unit_name, u.display_name AS officer_name
			FROM application_system s
			JOIN organization o ON o.id = s.unit_id
			LEFT JOIN app_user u ON u.id = s.security_officer_id
			""";

	private final JdbcClient jdbc;

	SystemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ApplicationSystem> findById(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(SystemRepository::map).optional();
	}

	/** Locks the system's row: transitions of one system are serialised. */
	void lock(UUID id) {
		this.jdbc.sql("SELECT id FROM application_system WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query()
			.listOfRows();
	}

	/** The list's columns: the page's headers and the API's {@code sort}. */
	static final Sortable SORTABLE = Sortable.by("o.name, s.name, s.id", "s.id")
		.field("name", "s.name")
		.field("unitName", "o.name")
		.field("hostingStatus", "s.hosting_status")
		.field("protectionLevel", "s.protection_level")
		.field("securityOfficerName", "u.display_name")
		.field("updatedAt", "s.updated_at");

	List<ApplicationSystem> search(DataScope scope, UUID unitId, HostingStatus status, String text, String orderBy,
			int offset, int limit) {
		Filters filters = filters(scope, unitId, status, text);
		return filters
			.bind(this.jdbc.sql(SELECT + filters.where() + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset"))
			.param("limit", limit)
			.param("offset", offset)
			.query(SystemRepository::map)
			.list();
	}

	long count(DataScope scope, UUID unitId, HostingStatus status, String text) {
		Filters filters = filters(scope, unitId, status, text);
		return filters.bind(this.jdbc.sql("SELECT count(*) FROM application_system s" + filters.where()))
			.query(Long.class)
			.single();
	}

	private static Filters filters(DataScope scope, UUID unitId, HostingStatus status, String text) {
		return new Filters(scope.sql("s.unit_id")).and("s.unit_id = :unitId", "unitId", unitId)
			.and("s.hosting_status = :status", "status", (status != null) ? status.name() : null)
			.and("s.name ILIKE '%' || :text || '%'", "text", text);
	}

	List<ApplicationSystems.Owner> owners(DataScope scope) {
		DataScope.SqlFilter filter = scope.sql("o.id");
		return filter.bind(this.jdbc.sql("""
				SELECT o.id, o.name FROM organization o
				WHERE EXISTS (SELECT 1 FROM application_system s WHERE s.unit_id = o.id) AND %s
				ORDER BY o.name
				""".formatted(filter.clause())))
			.query((rs, row) -> new ApplicationSystems.Owner(rs.getObject("id", UUID.class), rs.getString("name")))
			.list();
	}

	boolean nameTaken(UUID unitId, String name, UUID except) {
		return this.jdbc.sql("""
				SELECT count(*) FROM application_system
				WHERE unit_id = :unit AND lower(name) = lower(:name) AND id <> :except
				""").param("unit", unitId).param("name", name).param("except", except).query(Long.class).single() > 0;
	}

	void insert(UUID id, UUID unitId, SystemForm form, HostingStatus status, Instant now) {
		this.jdbc.sql("""
				INSERT INTO application_system (id, unit_id, name, purpose, security_officer_id, protection_level,
				       filing_number, last_assessment_on, hosting_status, created_at, updated_at)
				VALUES (:id, :unit, :name, :purpose, :officer, :level, :filing, :assessed, :status, :now, :now)
				""")
			.param("id", id)
			.param("unit", unitId)
			.param("status", status.name())
			.param("now", Timestamp.from(now))
			.params(formParams(form))
			.update();
	}

	void update(UUID id, SystemForm form, Instant now) {
		this.jdbc.sql("""
				UPDATE application_system SET name = :name, purpose = :purpose, security_officer_id = :officer,
				       protection_level = :level, filing_number = :filing, last_assessment_on = :assessed,
				       updated_at = :now
				WHERE id = :id
				""").param("id", id).param("now", Timestamp.from(now)).params(formParams(form)).update();
	}

	/**
	 * Sets the hosting status with what belongs to it: the target date only while
	 * migrating, the legal basis only while exempt.
	 */
	void updateStatus(UUID id, HostingStatus status, LocalDate targetOn, String exemptionBasis, Instant now) {
		this.jdbc.sql("""
				UPDATE application_system SET hosting_status = :status, migration_target_on = :target,
				       exemption_basis = :basis, updated_at = :now
				WHERE id = :id
				""")
			.param("id", id)
			.param("status", status.name())
			.param("target", (targetOn != null) ? Date.valueOf(targetOn) : null)
			.param("basis", exemptionBasis)
			.param("now", Timestamp.from(now))
			.update();
	}

	static ApplicationSystem map(ResultSet rs, int row) throws SQLException {
		Date assessed = rs.getDate("last_assessment_on");
		Date target = rs.getDate("migration_target_on");
		return new ApplicationSystem(rs.getObject("id", UUID.class), rs.getObject("unit_id", UUID.class),
				rs.getString("unit_name"), rs.getString("name"), rs.getString("purpose"),
				rs.getObject("security_officer_id", UUID.class), rs.getString("officer_name"),
				rs.getObject("protection_level", Integer.class), rs.getString("filing_number"),
				(assessed != null) ? assessed.toLocalDate() : null,
				HostingStatus.valueOf(rs.getString("hosting_status")), (target != null) ? target.toLocalDate() : null,
				rs.getString("exemption_basis"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	/** The form's fields as named parameters. */
	private static java.util.Map<String, Object> formParams(SystemForm form) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("name", form.name());
		params.put("purpose", form.purpose());
		params.put("officer", form.securityOfficerId());
		params.put("level", form.protectionLevel());
		params.put("filing", form.filingNumber());
		params.put("assessed", (form.lastAssessmentOn() != null) ? Date.valueOf(form.lastAssessmentOn()) : null);
		return params;
	}

}
