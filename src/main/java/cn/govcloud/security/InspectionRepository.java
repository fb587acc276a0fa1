package cn.govcloud.security;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Sortable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inspections, their scope and checklists, and the checklist items per level, in SQL. */
@Repository
class InspectionRepository {

	private static final String COLUMNS = """
			i.id, i.number, i.title, i.inspected_by, i.third_party, i.protection_level, i.starts_on, i.ends_on,
			i.inspectors, i.created_by_name, i.created_at
			""";

	static final Sortable SORTABLE = Sortable.by("i.starts_on DESC, i.number DESC", "i.id")
		.field("number", "i.number")
		.field("title", "i.title")
		.field("level", "i.protection_level")
		.field("startsOn", "i.starts_on");

	private final JdbcClient jdbc;

	InspectionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Who reads an inspection: the Commission all; a unit those whose scope includes it;
	 * a supplier those with a finding it is responsible for.
	 */
	static DataScope.SqlFilter filter(DataScope scope) {
		if (scope.seesAll()) {
			return scope.sql("i.id");
		}
		if (scope.supplierParty().isPresent()) {
			DataScope.SqlFilter party = scope.sqlParty("f.unit_id", "f.supplier_id");
			return new DataScope.SqlFilter(
					"EXISTS (SELECT 1 FROM security_finding f WHERE f.inspection_id = i.id AND " + party.clause() + ")",
					party.organizations());
		}
		DataScope.SqlFilter unit = scope.sql("iu.unit_id");
		return new DataScope.SqlFilter("EXISTS (SELECT 1 FROM security_inspection_unit iu "
				+ "WHERE iu.inspection_id = i.id AND " + unit.clause() + ")", unit.organizations());
	}

	String nextNumber(int year) {
		return String.format("JC%d-%06d", year,
				this.jdbc.sql("SELECT nextval('security_inspection_number')").query(Long.class).single());
	}

	void insert(Inspection inspection, UUID createdBy, List<UUID> units, List<Inspection.ScopedSystem> systems) {
		this.jdbc.sql("""
				INSERT INTO security_inspection (id, number, title, inspected_by, third_party, protection_level,
				    starts_on, ends_on, inspectors, created_by, created_by_name, created_at)
				VALUES (:id, :number, :title, :by, :third, :level, :starts, :ends, :inspectors, :createdBy,
				    :createdByName, :at)
				""")
			.param("id", inspection.id())
			.param("number", inspection.number())
			.param("title", inspection.title())
			.param("by", inspection.inspectedBy().name())
			.param("third", inspection.thirdParty())
			.param("level", inspection.protectionLevel())
			.param("starts", Date.valueOf(inspection.startsOn()))
			.param("ends", Date.valueOf(inspection.endsOn()))
			.param("inspectors", inspection.inspectors())
			.param("createdBy", createdBy)
			.param("createdByName", inspection.createdByName())
			.param("at", Timestamp.from(inspection.createdAt()))
			.update();
		for (UUID unit : units) {
			this.jdbc.sql("INSERT INTO security_inspection_unit (inspection_id, unit_id) VALUES (:i, :u)")
				.param("i", inspection.id())
				.param("u", unit)
				.update();
		}
		for (Inspection.ScopedSystem system : systems) {
			this.jdbc.sql("""
					INSERT INTO security_inspection_system (inspection_id, system_id, system_name, unit_id)
					VALUES (:i, :s, :name, :u)
					""")
				.param("i", inspection.id())
				.param("s", system.systemId())
				.param("name", system.systemName())
				.param("u", system.unitId())
				.update();
		}
		this.jdbc.sql("""
				INSERT INTO security_inspection_check (inspection_id, position, text)
				SELECT :i, row_number() OVER (ORDER BY position), text FROM security_checklist_item
				WHERE protection_level = :level AND active
				""").param("i", inspection.id()).param("level", inspection.protectionLevel()).update();
	}

	Optional<Inspection> find(DataScope scope, UUID id) {
		DataScope.SqlFilter filter = filter(scope);
		return filter
			.bind(this.jdbc
				.sql("SELECT " + COLUMNS + " FROM security_inspection i WHERE i.id = :id AND " + filter.clause()))
			.param("id", id)
			.query(InspectionRepository::map)
			.optional();
	}

	/** The units in scope the reader may see (the Commission all, a unit its own). */
	List<Inspection.ScopedSystem> systems(DataScope scope, UUID inspectionId) {
		DataScope.SqlFilter unit = scope.sqlParty("s.unit_id", "NULL");
		return unit.bind(this.jdbc.sql("""
				SELECT s.system_id, s.system_name, s.unit_id, o.name FROM security_inspection_system s
				JOIN organization o ON o.id = s.unit_id
				WHERE s.inspection_id = :i AND\s""" + unit.clause() + " ORDER BY o.name, s.system_name"))
			.param("i", inspectionId)
			.query((rs, n) -> new Inspection.ScopedSystem(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class), rs.getString(4)))
			.list();
	}

	List<String> unitNames(DataScope scope, UUID inspectionId) {
		DataScope.SqlFilter unit = scope.sqlParty("iu.unit_id", "NULL");
		return unit.bind(this.jdbc.sql("""
				SELECT o.name FROM security_inspection_unit iu JOIN organization o ON o.id = iu.unit_id
				WHERE iu.inspection_id = :i AND\s""" + unit.clause() + " ORDER BY o.name"))
			.param("i", inspectionId)
			.query(String.class)
			.list();
	}

	List<Inspection.Check> checks(UUID inspectionId) {
		return this.jdbc.sql(
				"SELECT position, text, result FROM security_inspection_check WHERE inspection_id = :i ORDER BY position")
			.param("i", inspectionId)
			.query((rs, n) -> new Inspection.Check(rs.getInt(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** Records a checklist item's result; false when the inspection has no such item. */
	boolean check(UUID inspectionId, int position, String result) {
		return this.jdbc
			.sql("UPDATE security_inspection_check SET result = :r WHERE inspection_id = :i AND position = :p")
			.param("r", result)
			.param("i", inspectionId)
			.param("p", position)
			.update() == 1;
	}

	/** Whether the system is in the inspection's scope. */
	boolean inScope(UUID inspectionId, UUID systemId) {
		return this.jdbc
			.sql("SELECT count(*) FROM security_inspection_system WHERE inspection_id = :i AND system_id = :s")
			.param("i", inspectionId)
			.param("s", systemId)
			.query(Long.class)
			.single() == 1;
	}

	Page<Inspection> search(DataScope scope, Page.Request request) {
		DataScope.SqlFilter filter = filter(scope);
		long total = filter.bind(this.jdbc.sql("SELECT count(*) FROM security_inspection i WHERE " + filter.clause()))
			.query(Long.class)
			.single();
		List<Inspection> rows = filter
			.bind(this.jdbc.sql("SELECT " + COLUMNS + " FROM security_inspection i WHERE " + filter.clause()
					+ " ORDER BY " + SORTABLE.orderBy(request.order()) + " LIMIT :limit OFFSET :offset"))
			.param("limit", request.size())
			.param("offset", request.offset())
			.query(InspectionRepository::map)
			.list();
		return request.of(rows, total);
	}

	/** The active checklist items of a level, in order. */
	List<ChecklistItem> items(int level) {
		return this.jdbc.sql("""
				SELECT id, protection_level, position, text FROM security_checklist_item
				WHERE protection_level = :level AND active ORDER BY position
				""")
			.param("level", level)
			.query((rs, n) -> new ChecklistItem(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3),
					rs.getString(4)))
			.list();
	}

	void addItem(int level, String text) {
		this.jdbc.sql("""
				INSERT INTO security_checklist_item (id, protection_level, position, text)
				SELECT :id, :level, coalesce(max(position), 0) + 1, :text FROM security_checklist_item
				WHERE protection_level = :level
				""").param("id", UUID.randomUUID()).param("level", level).param("text", text).update();
	}

	boolean retireItem(UUID id) {
		return this.jdbc.sql("UPDATE security_checklist_item SET active = false WHERE id = :id AND active")
			.param("id", id)
			.update() == 1;
	}

	private static Inspection map(ResultSet rs, int row) throws SQLException {
		return new Inspection(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("title"),
				InspectedBy.valueOf(rs.getString("inspected_by")), rs.getString("third_party"),
				rs.getInt("protection_level"), rs.getDate("starts_on").toLocalDate(),
				rs.getDate("ends_on").toLocalDate(), rs.getString("inspectors"), rs.getString("created_by_name"),
				rs.getTimestamp("created_at").toInstant());
	}

	/** An item of a level's checklist. */
	record ChecklistItem(UUID id, int level, int position, String text) {
	}

}
