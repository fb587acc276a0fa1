package cn.govcloud;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.Scenarios.Accepted;
import cn.govcloud.shared.CityTime;
import com.jayway.jsonpath.JsonPath;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Real records of a unit, one of each kind, and text only they contain. */
record UnitRecords(Map<String, String> ids, List<String> markers) {

	/** Which record an id in a route stands for, by the segment before it. */
	private static final Map<String, String> SEGMENTS = Map.ofEntries(Map.entry("/systems/", "system"),
			Map.entry("/applications/", "application"), Map.entry("/contracts/", "contract"),
			Map.entry("/work-orders/", "order"), Map.entry("/instances/", "instance"),
			Map.entry("/terminations/", "termination"), Map.entry("/price-lists/", "priceList"),
			Map.entry("/prices/", "priceList"), Map.entry("/organizations/", "unit"), Map.entry("/users/", "user"),
			Map.entry("/notifications/", "notification"), Map.entry("/inbox/", "notification"),
			Map.entry("/tickets/", "ticket"), Map.entry("/trainings/", "training"),
			Map.entry("/access-grants/", "grant"), Map.entry("/surveys/", "survey"),
			Map.entry("/suppliers/", "supplier"),

			Map.entry("/rightsizing/", "recommendation"), Map.entry("/recommendations/", "recommendation"),
			Map.entry("/rightsizing/orders/", "releaseOrder"), Map.entry("/reports/", "report"),
			Map.entry("/obligations/", "obligation"), Map.entry("/inspections/", "inspection"),
			Map.entry("/findings/", "finding"), Map.entry("/security-bulletins/", "bulletin"),
			Map.entry("/drills/", "drill"));

	static UnitRecords create(int port, JdbcClient jdbc) {
		UUID supplier = Scenarios.demoSupplier(jdbc);
		Accepted accepted = Scenarios.acceptedHosts(port, jdbc, supplier, 1);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Map<String, String> ids = new HashMap<>();
		ids.put("system", accepted.systemId());
		ids.put("application", accepted.approved().id());
		ids.put("contract", accepted.contractId());
		ids.put("order", accepted.orderId());
		ids.put("instance", accepted.instanceIds().get(0));
		ids.put("termination", terminate(accepted, tag));
		ids.put("exempt", exemptSystem(accepted.unit(), tag));
		ids.put("supplier", supplier.toString());
		ids.put("ticket", ticket(accepted, tag));
		ids.put("attachmentId", attach(accepted.unit(), "/api/v1/tickets/" + ids.get("ticket") + "/attachments"));
		ids.put("training", training(port, tag));
		ids.put("materialId", attach(TestClient.signedIn(port, "operator"),
				"/api/v1/trainings/" + ids.get("training") + "/materials"));
		ids.put("grant", grant(port, accepted, tag));
		ids.put("backupPolicy", backupPolicy(port, accepted, tag));
		ids.put("survey", survey(port, tag));
		ids.put("recommendation", recommendation(port, jdbc, accepted.instanceIds().get(0)));
		ids.put("releaseOrder", releaseOrder(port, ids.get("recommendation")));
		ids.put("unit", one(jdbc, "SELECT id FROM organization WHERE name = '宜兴市公安局'"));
		ids.put("report", report(jdbc, UUID.fromString(ids.get("unit")), supplier, "月报说明 " + tag));
		ids.put("obligation", obligation(jdbc, supplier));
		ids.putAll(SecurityRecords.create(port, jdbc, accepted, supplier, tag));
		ids.put("user", one(jdbc, "SELECT id FROM app_user WHERE username = 'unitadmin'"));
		ids.put("priceList", one(jdbc, "SELECT id FROM price_list ORDER BY id LIMIT 1"));
		ids.put("notification",
				jdbc.sql("SELECT n.id FROM notification n JOIN app_user u ON u.id = n.user_id "
						+ "WHERE u.username = 'unitadmin' LIMIT 1")
					.query(UUID.class)
					.optional()
					.orElseGet(UUID::randomUUID)
					.toString());
		List<String> markers = List.of(
				one(jdbc, "SELECT name FROM application_system WHERE id = '" + accepted.systemId() + "'"),
				one(jdbc, "SELECT contract_code FROM contract WHERE id = '" + accepted.contractId() + "'"),
				one(jdbc,
						"SELECT host(address) FROM instance_address WHERE instance_id = '"
								+ accepted.instanceIds().get(0) + "' LIMIT 1"),
				"备份存储 " + tag, "涉密系统 " + tag, "保密批复 " + tag, "故障描述 " + tag, "访问目的 " + tag, "会话-" + tag, "月报说明 " + tag,
				"检查问题 " + tag, "备份策略 " + tag);
		return new UnitRecords(ids, markers);
	}

	String systemId() {
		return this.ids.get("system");
	}

	/** The value of a path variable, by what the route names before it. */
	String pathValue(String pattern, String variable) {
		String before = pattern.substring(0, pattern.indexOf("{" + variable));
		if (variable.equals("version")) {
			// the assessment's default rules are version 0 in every year; saved ones
			// exist
			// only after a test saved some
			return before.endsWith("/rules/") ? "0" : "1";
		}
		if (variable.equals("code")) {
			return "CLOUD_HOST";
		}
		if (variable.equals("year")) {
			return String.valueOf(CityTime.today().getYear());
		}
		if (variable.equals("materialId") || variable.equals("attachmentId") || variable.equals("evidenceId")) {
			return this.ids.get(variable);
		}
		if (pattern.contains("exemption") && before.endsWith("/systems/")) {
			return this.ids.get("exempt");
		}
		return SEGMENTS.entrySet()
			.stream()
			.filter((segment) -> before.endsWith(segment.getKey()))
			.map((segment) -> this.ids.get(segment.getValue()))
			.findFirst()
			.orElse(null);
	}

	Map<String, String> queryValues() {
		String to = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		String from = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
		return Map.ofEntries(Map.entry("systemId", systemId()), Map.entry("applicationId", this.ids.get("application")),
				Map.entry("supplierId", this.ids.get("supplier")), Map.entry("kind", "CLOUD_HOST"),
				Map.entry("dimension", "vcpu"), Map.entry("metric", "CPU"), Map.entry("from", from),
				Map.entry("to", to), Map.entry("index", "0"),
				Map.entry("year", String.valueOf(CityTime.today().getYear())));
	}

	/**
	 * A monthly report draft of the unit from the supplier, as the drafting writes it,
	 * for a month of its own (the month after the last such one, from 2400: a random
	 * month collided now and then).
	 */
	static String report(JdbcClient jdbc, UUID unit, UUID supplier, String narrative) {
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"""
						INSERT INTO reporting_report (id, number, unit_id, supplier_id, month, version, status, content, narrative,
						                              due_on, drafted_at)
						SELECT :id, 'YB-T-' || nextval('reporting_report_number'), :unit, :supplier,
						       CAST(coalesce(max(month) + interval '1 month', DATE '2400-01-01') AS date), 1, 'DRAFT',
						       CAST(:content AS jsonb), :narrative, DATE '2001-01-08', now()
						FROM reporting_report WHERE unit_id = :unit AND supplier_id = :supplier AND month >= DATE '2400-01-01'
						""")
			.param("id", id)
			.param("unit", unit)
			.param("supplier", supplier)
			.param("content", """
					{"utilisation":[],"operations":{"tickets":[],"incidents":[],"newApplications":0,
					 "changeApplications":0,"approvedApplications":0,"amendments":0,"provisioned":0,"reclaimed":0},
					 "suggestions":[],"fees":[],"feeTotal":0}""")
			.param("narrative", narrative)
			.update();
		return id.toString();
	}

	/**
	 * A submitted obligation of the supplier (a document and a note), for a period of its
	 * own (the month after the last such one, from 2400), as the plan and the submission
	 * write it.
	 */
	static String obligation(JdbcClient jdbc, UUID supplier) {
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"""
						INSERT INTO reporting_obligation (id, kind, supplier_id, period_start, period_end, due_on, status,
						                                  submitted_at, note, document_name, document)
						SELECT :id, 'SECURITY_BULLETIN', :supplier, start, CAST(start + interval '1 month - 1 day' AS date),
						       CAST(start + interval '40 days' AS date), 'SUBMITTED', now(), '安全通报', '通报.pdf', :document
						FROM (SELECT CAST(coalesce(max(period_start) + interval '1 month', DATE '2400-01-01') AS date) AS start
						      FROM reporting_obligation
						      WHERE kind = 'SECURITY_BULLETIN' AND supplier_id = :supplier AND period_start >= DATE '2400-01-01') p
						""")
			.param("id", id)
			.param("supplier", supplier)
			.param("document", Scenarios.PDF)
			.update();
		return id.toString();
	}

	private static String ticket(Accepted accepted, String tag) {
		HttpResponse<String> raised = accepted.unit().postJson("/api/v1/tickets", """
				{"systemId":"%s","category":"FAULT","priority":"P3","title":"工单 %s","description":"故障描述 %s"}
				""".formatted(accepted.systemId(), tag, tag));
		assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
		return JsonPath.read(raised.body(), "$.ticket.id");
	}

	/**
	 * An access grant the supplier asked for and the unit approved, and a session under
	 * it the bastion host reported (Art. 17).
	 */
	private static String grant(int port, Accepted accepted, String tag) {
		TestClient operator = TestClient.signedIn(port, "operator");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		HttpResponse<String> asked = operator.postJson("/api/v1/access-grants", """
				{"instanceIds":["%s"],"kind":"SSH","purpose":"访问目的 %s","from":"%s","until":"%s"}
				""".formatted(accepted.instanceIds().get(0), tag, now.minus(1, ChronoUnit.HOURS),
				now.plus(1, ChronoUnit.HOURS)));
		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
		String id = JsonPath.read(asked.body(), "$.grant.id");
		HttpResponse<String> approved = accepted.unit().postJson("/api/v1/access-grants/" + id + "/approve", "{}");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		HttpResponse<String> session = operator.postJson("/api/v1/access-events",
				"""
						{"person":"ops","instance":"%s","startedAt":"%s","endedAt":"%s","sourceAddress":"10.8.0.5","sessionId":"会话-%s"}
						"""
					.formatted(accepted.instanceIds().get(0), now.minus(30, ChronoUnit.MINUTES), now, tag));
		assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
		return id;
	}

	/** A backup policy the supplier keeps for the unit's host (Art. 16). */
	private static String backupPolicy(int port, Accepted accepted, String tag) {
		HttpResponse<String> created = TestClient.signedIn(port, "operator").postJson("/api/v1/backup-policies", """
				{"instanceId":"%s","content":"备份策略 %s","frequency":"DAILY","at":"02:00","retentionDays":30,
				 "location":"灾备中心","encrypted":true}
				""".formatted(accepted.instanceIds().get(0), tag));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JsonPath.read(created.body(), "$.id");
	}

	private static String survey(int port, String tag) {
		HttpResponse<String> opened = TestClient.signedIn(port, "manager").postJson("/api/v1/surveys", """
				{"year":2026,"half":2,"title":"调查 %s","questions":["服务响应是否及时？"]}
				""".formatted(tag));
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		return JsonPath.read(opened.body(), "$.id");
	}

	private static String attach(TestClient who, String path) {
		HttpResponse<String> attached = who.postMultipart(path, "file", "附件.pdf", Scenarios.PDF);
		assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
		return JsonPath.read(attached.body(), "$.id");
	}

	private static String training(int port, String tag) {
		HttpResponse<String> planned = TestClient.signedIn(port, "operator").postJson("/api/v1/trainings", """
				{"topic":"培训 %s","startsAt":"%s","place":"线上","trainer":"孙浩","capacity":10}
				""".formatted(tag, Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)));
		assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
		return JsonPath.read(planned.body(), "$.id");
	}

	private static String terminate(Accepted accepted, String tag) {
		Map<String, String> form = new HashMap<>(
				Map.of("systemId", accepted.systemId(), "wholeSystem", "true", "offlineOn", CityTime.today().toString(),
						"dataHandling", "BACKED_UP", "dataLocation", "备份存储 " + tag, "openApplications", "WITHDRAW"));
		HttpResponse<String> applied = accepted.unit()
			.postMultipartWithFields("/api/v1/terminations", form, "file", "备份证明.pdf", Scenarios.PDF);
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
		return JsonPath.read(applied.body(), "$.id");
	}

	private static String exemptSystem(TestClient unit, String tag) {
		HttpResponse<String> created = unit.postJson("/api/v1/systems", "{\"name\":\"涉密系统 " + tag
				+ "\",\"purpose\":\"测试\",\"protectionLevel\":2,\"hostingStatus\":\"LEGACY_SELF_HOSTED\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = JsonPath.read(created.body(), "$.id");
		assertThat(unit.postMultipart("/api/v1/systems/" + id + "/exemption-documents", "file", "批复.pdf", Scenarios.PDF)
			.statusCode()).isEqualTo(201);
		HttpResponse<String> requested = unit.postJson("/api/v1/systems/" + id + "/status",
				"{\"status\":\"EXEMPT\",\"exemptionBasis\":\"保密批复 " + tag + "\"}");
		assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
		return id;
	}

	/** The Commission recomputes now: the new host, without data, is to be released. */
	private static String recommendation(int port, JdbcClient jdbc, String instance) {
		assertThat(TestClient.signedIn(port, "manager").postForm("/rightsizing/recompute", Map.of()).statusCode())
			.isEqualTo(302);
		return one(jdbc, "SELECT id FROM rightsizing_recommendation WHERE instance_id = '" + instance
				+ "' ORDER BY computed_on DESC LIMIT 1");
	}

	/** The Commission orders the host released; the unit objects with a document. */
	private static String releaseOrder(int port, String recommendation) {
		HttpResponse<String> issued = TestClient.signedIn(port, "manager")
			.postForm("/rightsizing/orders", Map.of("recommendationIds", recommendation));
		String id = issued.headers().firstValue("Location").orElseThrow().replaceAll(".*/orders/", "");
		assertThat(TestClient.signedIn(port, "unitadmin")
			.postMultipartWithField("/rightsizing/orders/" + id + "/object", "reason", "仍在使用", "file", "说明.pdf",
					Scenarios.PDF)
			.statusCode()).isEqualTo(302);
		return id;
	}

	private static String one(JdbcClient jdbc, String sql) {
		return String.valueOf(jdbc.sql(sql).query((rs, n) -> rs.getObject(1)).single());
	}

}
