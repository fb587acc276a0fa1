package cn.govcloud.assessment;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import cn.govcloud.security.Findings;
import cn.govcloud.shared.CityTime;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assessment's "rectifications on time" reads the security module's findings (Art. 19
 * reading Art. 14): of a supplier's findings whose deadline came in the year, the share
 * verified with the response given by the deadline.
 */
@GovCloudIntegrationTest
class RectificationsOnTimeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Findings findings;

	@Test
	void aSuppliersFindingsDueThisYearGiveTheShareRectifiedOnTime() {
		LocalDate today = CityTime.today();
		int year = today.getYear();
		LocalDate passed = today.minusDays(1).getYear() == year ? today.minusDays(1) : today;
		UUID supplier = supplier();
		UUID unit = this.jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'unitadmin'")
			.query(UUID.class)
			.single();
		UUID system = this.jdbc.sql("SELECT id FROM application_system WHERE unit_id = :u LIMIT 1")
			.param("u", unit)
			.query(UUID.class)
			.optional()
			.orElseGet(() -> UUID.fromString(JsonPath.read(TestClient.signedIn(this.port, "unitadmin")
				.postJson("/api/v1/systems",
						"{\"name\":\"整改系统 " + supplier.toString().substring(0, 8)
								+ "\",\"purpose\":\"测试\",\"protectionLevel\":2}")
				.body(), "$.id")));
		UUID inspection = inspection();
		try {
			rectified(inspection, system, unit, supplier, today, passed, year);
		}
		finally {
			// Other tests count the city's findings (escalated, closed with a decision).
			this.jdbc.sql("DELETE FROM security_finding WHERE inspection_id = :i").param("i", inspection).update();
			this.jdbc.sql("DELETE FROM security_inspection WHERE id = :i").param("i", inspection).update();
			this.jdbc.sql("DELETE FROM organization WHERE id = :s").param("s", supplier).update();
		}
	}

	private void rectified(UUID inspection, UUID system, UUID unit, UUID supplier, LocalDate today, LocalDate passed,
			int year) {
		// On time: responded the day before its deadline, verified.
		finding(inspection, system, unit, supplier, "MEDIUM", passed, "CLOSED", passed.minusDays(1));
		// Late: responded two days after its deadline, verified.
		finding(inspection, system, unit, supplier, "MEDIUM", passed.minusDays(2), "CLOSED", passed);
		// Overdue, never answered.
		finding(inspection, system, unit, supplier, "HIGH", passed, "OPEN", null);
		// Not due yet: does not count.
		finding(inspection, system, unit, supplier, "LOW", today.plusDays(30), "OPEN", null);
		// The unit's own finding is not the supplier's.
		finding(inspection, system, unit, null, "HIGH", passed, "OPEN", null);

		assertThat(this.findings.rectificationsOnTime(supplier, year)).containsExactlyInAnyOrder(
				new Findings.OnTimeShare("HIGH", 1, 0), new Findings.OnTimeShare("MEDIUM", 2, 1));

		String draft = TestClient.signedIn(this.port, "reviewer")
			.getJson("/api/v1/assessment/" + year + "/suppliers/" + supplier)
			.body();
		List<Map<String, Object>> line = JsonPath.read(draft,
				"$.score.lines[?(@.indicator.code == 'RECTIFICATIONS_ON_TIME')]");
		assertThat(line).hasSize(1);
		assertThat(((Number) line.get(0).get("value")).doubleValue()).as(draft)
			.isCloseTo(100.0 / 3, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(((Number) line.get(0).get("effectiveWeight")).doubleValue()).isPositive();
	}

	private UUID supplier() {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO organization (id, kind, name, active) VALUES (:id, 'SUPPLIER', :name, true)")
			.param("id", id)
			.param("name", "整改供应商 " + id.toString().substring(0, 8))
			.update();
		return id;
	}

	private UUID inspection() {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO security_inspection (id, number, title, inspected_by, protection_level, starts_on, ends_on,
				                                 inspectors, created_by, created_by_name, created_at)
				VALUES (:id, :number, '整改率检查', 'COMMISSION', 2, :day, :day, '张三', :id, '张三', now())
				""")
			.param("id", id)
			.param("number", "T-" + id)
			.param("day", Date.valueOf(CityTime.today().withDayOfYear(1)))
			.update();
		return id;
	}

	private void finding(UUID inspection, UUID system, UUID unit, UUID supplier, String severity, LocalDate deadline,
			String status, LocalDate respondedOn) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO security_finding (id, number, inspection_id, severity, system_id, system_name, unit_id,
				                              responsible, supplier_id, description, deadline, status, response,
				                              responded_at, decided_by, decided_at, created_by, created_at)
				VALUES (:id, :number, :inspection, :severity, :system, '系统', :unit, :responsible, :supplier, '问题',
				        :deadline, :status, :response, :respondedAt, :decidedBy, :respondedAt, :id, now())
				""")
			.param("id", id)
			.param("number", "F-" + id)
			.param("inspection", inspection)
			.param("severity", severity)
			.param("system", system)
			.param("unit", unit)
			.param("responsible", (supplier != null) ? "SUPPLIER" : "UNIT")
			.param("supplier", supplier)
			.param("deadline", Date.valueOf(deadline))
			.param("status", status)
			.param("response", (respondedOn != null) ? "已整改" : null)
			.param("decidedBy", (respondedOn != null) ? "reviewer" : null)
			.param("respondedAt", (respondedOn != null)
					? Timestamp.from(respondedOn.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()) : null)
			.update();
	}

}
