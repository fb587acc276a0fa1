package cn.govcloud.world;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.world.City.Person;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A year of security inspections, findings, bulletins and drills (Art. 14) as the
 * security module writes them: the Commission's inspections (one in three by a third
 * party) with their checklist results and findings — most closed, some awaiting
 * verification, some open and a few of those overdue and escalated; each supplier's
 * monthly bulletins to the units it serves, and its yearly drill reported with problems,
 * one followed up.
 */
final class InspectionHistory {

	static final String INSPECTION = "security_inspection (id, number, title, inspected_by, third_party, "
			+ "protection_level, starts_on, ends_on, inspectors, created_by, created_by_name, created_at)";

	static final String SCOPE_UNIT = "security_inspection_unit (inspection_id, unit_id)";

	static final String SCOPE_SYSTEM = "security_inspection_system (inspection_id, system_id, system_name, unit_id)";

	static final String CHECK = "security_inspection_check (inspection_id, position, text, result)";

	static final String FINDING = "security_finding (id, number, inspection_id, severity, system_id, system_name, "
			+ "unit_id, responsible, supplier_id, description, deadline, status, response, responded_at, "
			+ "responded_by_name, decided_by, decided_at, decision_reason, created_by, created_at, reminded_at, "
			+ "due_told_at, escalated_at)";

	static final String FINDING_EVENT = "security_finding_event (finding_id, occurred_at, actor_id, action, reason)";

	static final String BULLETIN = "security_bulletin (id, supplier_id, period, vulnerabilities, incidents, threats, "
			+ "advice, published_by, published_by_name, published_at)";

	static final String BULLETIN_UNIT = "security_bulletin_unit (bulletin_id, unit_id)";

	static final String DRILL = "security_drill (id, supplier_id, year, plan, scenario, held_on, participants, status, "
			+ "report, decided_by, decided_at, created_by, created_at)";

	static final String DRILL_UNIT = "security_drill_unit (drill_id, unit_id)";

	static final String PROBLEM = "security_drill_problem (id, drill_id, position, description, follow_up, resolved_at)";

	private static final String[] FINDINGS = { "存在弱口令账户", "未关闭高危端口 3389", "审计日志留存不足六个月", "操作系统补丁未及时更新", "数据库未开启传输加密",
			"多余的默认账户未删除", "备份未定期做恢复验证" };

	private static final String[] SEVERITIES = { "HIGH", "MEDIUM", "MEDIUM", "LOW", "LOW" };

	private final JdbcClient jdbc;

	InspectionHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A system with hosts on the platform and the supplier serving it. */
	record Served(UUID systemId, String systemName, UUID unitId, UUID supplierId) {
	}

	/** Buffers the year's records in the scene's rows; returns how many findings. */
	int write(Scene scene, int inspections) {
		List<Served> served = this.jdbc.sql("""
				SELECT DISTINCT s.id, s.name, s.unit_id, i.supplier_id FROM instance i
				JOIN application_system s ON s.id = i.system_id WHERE i.state = 'ACTIVE' ORDER BY s.id
				""")
			.query((rs, n) -> new Served(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getObject(4, UUID.class)))
			.list();
		if (served.isEmpty() || scene.city.managers.isEmpty()) {
			return 0;
		}
		scene.copy.table(INSPECTION)
			.table(SCOPE_UNIT)
			.table(SCOPE_SYSTEM)
			.table(CHECK)
			.table(FINDING)
			.table(FINDING_EVENT)
			.table(BULLETIN)
			.table(BULLETIN_UNIT)
			.table(DRILL)
			.table(DRILL_UNIT)
			.table(PROBLEM);
		long inspection = next("security_inspection_number");
		long finding = next("security_finding_number");
		long firstFinding = finding;
		for (int i = 0; i < inspections; i++) {
			finding = inspection(scene, served, inspection++, finding);
		}
		setval("security_inspection_number", inspection - 1);
		setval("security_finding_number", Math.max(firstFinding, finding - 1));
		Map<UUID, Set<UUID>> units = new LinkedHashMap<>();
		served.forEach((s) -> units.computeIfAbsent(s.supplierId(), (k) -> new LinkedHashSet<>()).add(s.unitId()));
		for (City.Supplier supplier : scene.city.suppliers) {
			if (units.containsKey(supplier.id) && !supplier.operators.isEmpty()) {
				publications(scene, supplier, units.get(supplier.id));
			}
		}
		return (int) (finding - firstFinding);
	}

	private long inspection(Scene scene, List<Served> served, long number, long finding) {
		Random random = scene.random;
		Person manager = scene.any(scene.city.managers);
		LocalDate starts = scene.today.minusDays(20 + random.nextInt(340));
		UUID id = UUID.randomUUID();
		int level = random.nextBoolean() ? 3 : 2;
		boolean third = random.nextInt(3) == 0;
		scene.copy.row(INSPECTION, id, "JC%d-%06d".formatted(starts.getYear(), number),
				(third ? "第三方等保测评 " : "安全检查 ") + starts, third ? "THIRD_PARTY" : "COMMISSION",
				third ? "江苏省信息安全测评中心" : null, level, starts, starts.plusDays(2), "检查组 " + manager.username(),
				manager.id(), manager.username(), scene.at(starts));
		List<Served> scope = new ArrayList<>();
		for (int k = 0; k < 1 + random.nextInt(3); k++) {
			Served system = served.get(random.nextInt(served.size()));
			if (scope.stream().noneMatch((s) -> s.systemId().equals(system.systemId()))) {
				scope.add(system);
			}
		}
		scope.stream().map(Served::unitId).distinct().forEach((unit) -> scene.copy.row(SCOPE_UNIT, id, unit));
		scope.forEach((s) -> scene.copy.row(SCOPE_SYSTEM, id, s.systemId(), s.systemName(), s.unitId()));
		int position = 0;
		for (String text : this.jdbc.sql("""
				SELECT text FROM security_checklist_item WHERE protection_level = :level AND active ORDER BY position
				""").param("level", level).query(String.class).list()) {
			scene.copy.row(CHECK, id, ++position, text, random.nextInt(5) == 0 ? "FAIL" : "PASS");
		}
		long next = finding;
		for (int k = 0; k < 1 + random.nextInt(4); k++) {
			new Finding(scene, scope.get(random.nextInt(scope.size())), id, starts.plusDays(2), manager)
				.write("ZG%d-%06d".formatted(starts.getYear(), next++));
		}
		return next;
	}

	private void publications(Scene scene, City.Supplier supplier, Set<UUID> units) {
		Person operator = scene.any(supplier.operators);
		YearMonth month = YearMonth.from(scene.today).minusMonths(1);
		for (int k = 0; k < 6; k++, month = month.minusMonths(1)) {
			UUID id = UUID.randomUUID();
			Instant at = scene.at(month.plusMonths(1).atDay(3));
			scene.copy.row(BULLETIN, id, supplier.id, month.atDay(1), "本月修复中危漏洞 " + (1 + k) + " 个", "无重大安全事件",
					"勒索软件与钓鱼邮件活动增多", "及时更新补丁，加强口令管理", operator.id(), operator.username(), at);
			units.forEach((unit) -> scene.copy.row(BULLETIN_UNIT, id, unit));
		}
		UUID drill = UUID.randomUUID();
		LocalDate held = scene.today.minusDays(30 + scene.random.nextInt(200));
		scene.copy.row(DRILL, drill, supplier.id, held.getYear(), "按应急预案组织数据库主备切换", "数据库主节点宕机", held,
				"运维组、值班经理、使用单位联系人", "REPORTED", "切换耗时 12 分钟，业务中断 3 分钟", operator.username(), scene.at(held.plusDays(2)),
				operator.id(), scene.at(held.minusDays(14)));
		units.forEach((unit) -> scene.copy.row(DRILL_UNIT, drill, unit));
		scene.copy.row(PROBLEM, UUID.randomUUID(), drill, 1, "告警通知延迟 5 分钟", "已调整告警通道", scene.at(held.plusDays(9)));
		scene.copy.row(PROBLEM, UUID.randomUUID(), drill, 2, "应急预案缺少使用单位联系人", null, null);
	}

	private long next(String sequence) {
		return this.jdbc.sql("SELECT nextval('" + sequence + "')").query(Long.class).single();
	}

	private void setval(String sequence, long value) {
		this.jdbc.sql("SELECT setval('" + sequence + "', :v)").param("v", Math.max(1, value)).query().singleRow();
	}

	/** One finding's rectification up to now. */
	private record Finding(Scene scene, Served system, UUID inspection, LocalDate found, Person manager) {

		void write(String number) {
			Random random = this.scene.random;
			UUID id = UUID.randomUUID();
			String severity = SEVERITIES[random.nextInt(SEVERITIES.length)];
			LocalDate deadline = this.found.plusDays("HIGH".equals(severity) ? 7 : "MEDIUM".equals(severity) ? 30 : 90);
			boolean bySupplier = random.nextInt(10) < 3;
			List<Person> responders = bySupplier
					? this.scene.city.suppliers.stream()
						.filter((s) -> s.id.equals(this.system.supplierId()))
						.findFirst()
						.map((s) -> s.operators)
						.orElse(List.of())
					: this.scene.city.units.stream()
						.filter((u) -> u.id.equals(this.system.unitId()))
						.findFirst()
						.map((u) -> u.admins)
						.orElse(List.of());
			Instant created = this.scene.at(this.found);
			double fate = random.nextDouble();
			boolean past = deadline.isBefore(this.scene.today);
			String status = (past && fate < 0.7) || fate < 0.3 ? "CLOSED" : (fate < 0.85) ? "RESPONDED" : "OPEN";
			if (responders.isEmpty()) {
				status = "OPEN";
			}
			Person responder = responders.isEmpty() ? null : this.scene.any(responders);
			Instant responded = "OPEN".equals(status) ? null
					: this.scene.at(this.found.plusDays(1 + random.nextInt(6)));
			Instant decided = "CLOSED".equals(status) ? this.scene.at(this.found.plusDays(8)) : null;
			boolean overdue = !"CLOSED".equals(status) && past;
			String description = FINDINGS[random.nextInt(FINDINGS.length)];
			this.scene.copy.row(FINDING, id, number, this.inspection, severity, this.system.systemId(),
					this.system.systemName(), this.system.unitId(), bySupplier ? "SUPPLIER" : "UNIT",
					bySupplier ? this.system.supplierId() : null, description, deadline, status,
					(responded != null) ? "已整改：" + description : null, responded,
					(responder != null && responded != null) ? responder.username() : null,
					(decided != null) ? this.manager.username() : null, decided, null, this.manager.id(), created,
					past ? this.scene.at(deadline.minusDays(3)) : null, past ? this.scene.at(deadline) : null,
					overdue ? this.scene.at(deadline.plusDays(1)) : null);
			this.scene.copy.row(FINDING_EVENT, id, created, this.manager.id(), "RECORDED", description);
			if (responded != null) {
				this.scene.copy.row(FINDING_EVENT, id, responded, responder.id(), "RESPONDED", "已整改：" + description);
			}
			if (decided != null) {
				this.scene.copy.row(FINDING_EVENT, id, decided, this.manager.id(), "VERIFIED", null);
			}
			if (overdue) {
				this.scene.notify(this.scene.city.managers, this.scene.at(deadline.plusDays(1)), "REMINDER",
						"notice.finding.overdue", "/findings/" + id, number, severity, this.system.systemName(),
						deadline);
			}
		}

	}

}
