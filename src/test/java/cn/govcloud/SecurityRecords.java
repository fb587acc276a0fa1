package cn.govcloud;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.govcloud.Scenarios.Accepted;
import cn.govcloud.shared.CityTime;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit's security records for the walks (Art. 14): an inspection of its system with a
 * finding ({@code 检查问题 tag}) and the unit's evidence, recorded through the pages; a
 * bulletin with its document and a reported drill of the supplier, as the module writes
 * them, for a period of their own.
 */
final class SecurityRecords {

	private SecurityRecords() {
	}

	static Map<String, String> create(int port, JdbcClient jdbc, Accepted accepted, UUID supplier, String tag) {
		Map<String, String> ids = new HashMap<>();
		TestClient manager = TestClient.signedIn(port, "manager");
		HttpResponse<String> recorded = manager.postForm("/inspections",
				Map.of("title", "检查 " + tag, "inspectedBy", "COMMISSION", "protectionLevel", "3", "startsOn",
						CityTime.today().toString(), "endsOn", CityTime.today().toString(), "inspectors", "张三",
						"systemIds", accepted.systemId()));
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
		String inspection = recorded.headers().firstValue("Location").orElseThrow().replaceAll(".*/inspections/", "");
		ids.put("inspection", inspection);
		assertThat(manager
			.postForm("/inspections/" + inspection + "/findings", Map.of("severity", "HIGH", "systemId",
					accepted.systemId(), "description", "检查问题 " + tag, "responsible", "UNIT"))
			.statusCode()).isEqualTo(302);
		String finding = jdbc.sql("SELECT id::text FROM security_finding WHERE inspection_id = CAST(:i AS uuid)")
			.param("i", inspection)
			.query(String.class)
			.single();
		ids.put("finding", finding);
		assertThat(accepted.unit()
			.postMultipart("/findings/" + finding + "/evidence", "file", "整改证明.pdf", Scenarios.PDF)
			.statusCode()).isEqualTo(302);
		ids.put("evidenceId",
				jdbc.sql("SELECT id::text FROM security_finding_attachment WHERE finding_id = CAST(:f AS uuid)")
					.param("f", finding)
					.query(String.class)
					.single());
		ids.put("bulletin", bulletin(jdbc, supplier, accepted));
		ids.put("drill", drill(jdbc, supplier, accepted));
		return ids;
	}

	private static String bulletin(JdbcClient jdbc, UUID supplier, Accepted accepted) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO security_bulletin (id, supplier_id, period, vulnerabilities, incidents, threats, advice,
				    document_name, document_type, document, published_by_name, published_at)
				VALUES (:id, :supplier, CAST(DATE '2001-01-01' + make_interval(months => :months) AS date), '漏洞',
				    '事件', '威胁', '建议', '通报.pdf', 'application/pdf', :document, '供应商', now())
				""")
			.param("id", id)
			.param("supplier", supplier)
			.param("months", ThreadLocalRandom.current().nextInt(0, 9_000))
			.param("document", Scenarios.PDF)
			.update();
		jdbc.sql("""
				INSERT INTO security_bulletin_unit (bulletin_id, unit_id)
				SELECT :id, unit_id FROM application_system WHERE id = CAST(:system AS uuid)
				""").param("id", id).param("system", accepted.systemId()).update();
		return id.toString();
	}

	private static String drill(JdbcClient jdbc, UUID supplier, Accepted accepted) {
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"""
						INSERT INTO security_drill (id, supplier_id, year, plan, scenario, held_on, participants, status, report,
						    decided_by, decided_at, created_by, created_at)
						SELECT :id, :supplier, 2026, '方案', '主备切换', DATE '2026-06-01', '运维组', 'REPORTED', '报告', '供应商', now(),
						       u.id, now()
						FROM app_user u WHERE u.username = 'operator'
						""")
			.param("id", id)
			.param("supplier", supplier)
			.update();
		jdbc.sql("""
				INSERT INTO security_drill_unit (drill_id, unit_id)
				SELECT :id, unit_id FROM application_system WHERE id = CAST(:system AS uuid)
				""").param("id", id).param("system", accepted.systemId()).update();
		jdbc.sql("""
				INSERT INTO security_drill_problem (id, drill_id, position, description)
				VALUES (:p, :id, 1, '告警延迟')
				""").param("p", UUID.randomUUID()).param("id", id).update();
		return id.toString();
	}

}
