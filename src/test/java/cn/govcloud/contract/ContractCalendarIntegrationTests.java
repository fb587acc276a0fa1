package cn.govcloud.contract;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Approved;
import cn.govcloud.TestClient;
import cn.govcloud.catalogue.TenderPrices;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Caps by date, isolation between suppliers, the contracts' calendar and expiry warnings.
 */
@GovCloudIntegrationTest
class ContractCalendarIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TenderPrices prices;

	@Autowired
	ContractCalendar calendar;

	@Test
	void aNewPriceListMidYearMovesTheCapOnItsStartDate() {
		UUID supplier = newSupplierWithPrices();
		assertThat(
				this.prices.capFor(supplier, "CLOUD_HOST", "vcpu", LocalDate.of(2026, 6, 30)).orElseThrow().unitPrice())
			.isEqualByComparingTo("45.00");
		assertThat(
				this.prices.capFor(supplier, "CLOUD_HOST", "vcpu", LocalDate.of(2026, 7, 1)).orElseThrow().unitPrice())
			.isEqualByComparingTo("40.00");
		assertThat(this.prices.capFor(supplier, "CLOUD_HOST", "vcpu", LocalDate.of(2025, 12, 31))).isEmpty();

		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		Approved application = approvedApplication(unit);
		String march = draft(application, supplier, "2026-03-01", "42.00");
		assertThat(unit.postJson("/api/v1/contracts", march).statusCode()).isEqualTo(201);
		Approved other = approvedApplication(unit);
		HttpResponse<String> august = unit.postJson("/api/v1/contracts", draft(other, supplier, "2026-08-01", "42.00"));
		assertThat(august.statusCode()).isEqualTo(400);
		assertThat(august.body()).contains("40.00").contains("YX-MID-");
	}

	@Test
	void anotherSuppliersPeopleDoNotSeeTheContract() {
		UUID supplier = newSupplierWithPrices();
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		String id = JsonPath
			.read(unit.postJson("/api/v1/contracts", draft(approvedApplication(unit), supplier, "2026-03-01", "42.00"))
				.body(), "$.id");
		HttpResponse<String> demoSupplier = TestClient.signedIn(this.port, "operator")
			.getJson("/api/v1/contracts/" + id);
		assertThat(demoSupplier.statusCode()).isEqualTo(404);
		assertThat(TestClient.signedIn(this.port, "operator").getJson("/api/v1/contracts").body()).doesNotContain(id);
	}

	@Test
	void filedContractsBecomeActiveAndEndAndTheUnitIsWarnedOncePerThreshold() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		UUID supplier = newSupplierWithPrices();
		String id = JsonPath
			.read(unit.postJson("/api/v1/contracts", draft(approvedApplication(unit), supplier, "2026-03-01", "42.00"))
				.body(), "$.id");
		UUID contract = UUID.fromString(id);
		LocalDate today = LocalDate.of(2026, 12, 10);
		this.jdbc.sql("UPDATE contract SET status = 'FILED', term_start = '2026-03-01', term_end = :end WHERE id = :id")
			.param("end", Date.valueOf(today.plusDays(25)))
			.param("id", contract)
			.update();
		String number = this.jdbc.sql("SELECT number FROM contract WHERE id = :id")
			.param("id", contract)
			.query(String.class)
			.single();
		long before = notices(number);
		this.calendar.advance(today);
		assertThat(status(contract)).isEqualTo("ACTIVE");
		assertThat(notices(number)).isEqualTo(before + 1);
		this.calendar.advance(today);
		assertThat(notices(number)).as("the 30-day warning goes out once").isEqualTo(before + 1);
		this.calendar.advance(today.plusDays(20));
		assertThat(notices(number)).as("then the 7-day warning").isEqualTo(before + 2);
		this.calendar.advance(today.plusDays(26));
		assertThat(status(contract)).isEqualTo("ENDED");
	}

	private long notices(String contractNumber) {
		return this.jdbc.sql("""
				SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
				WHERE u.username = 'unitadmin' AND n.code = 'notice.contract.expiring' AND :number = ANY(n.args)
				""").param("number", contractNumber).query(Long.class).single();
	}

	private String status(UUID contract) {
		return this.jdbc.sql("SELECT status FROM contract WHERE id = :id")
			.param("id", contract)
			.query(String.class)
			.single();
	}

	/**
	 * A new supplier with a price list until June and another from July (45.00, then
	 * 40.00 per vCPU).
	 */
	private UUID newSupplierWithPrices() {
		UUID supplier = UUID.randomUUID();
		String tag = supplier.toString().substring(0, 8);
		this.jdbc.sql("INSERT INTO organization (id, kind, name, created_at) VALUES (:id, 'SUPPLIER', :name, now())")
			.param("id", supplier)
			.param("name", "测试供应商 " + tag)
			.update();
		priceList(supplier, "YX-H1-" + tag, "2026-01-01", "2026-06-30", "45.00");
		priceList(supplier, "YX-MID-" + tag, "2026-07-01", null, "40.00");
		return supplier;
	}

	private void priceList(UUID supplier, String tender, String from, String to, String vcpuPrice) {
		UUID list = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO price_list (id, supplier_id, tender_number, awarded_on, created_at)
				VALUES (:id, :supplier, :tender, :awarded, now())
				""")
			.param("id", list)
			.param("supplier", supplier)
			.param("tender", tender)
			.param("awarded", Date.valueOf(LocalDate.parse(from).minusDays(10)))
			.update();
		for (String[] line : new String[][] { { "vcpu", "VCPU_MONTH", vcpuPrice },
				{ "memoryGib", "GIB_MONTH", "18.00" }, { "systemDiskGib", "GIB_MONTH", "0.60" } }) {
			this.jdbc
				.sql("""
						INSERT INTO price_line (id, price_list_id, supplier_id, kind_code, dimension, billing_unit, unit_price,
						                        effective_from, effective_to)
						VALUES (:id, :list, :supplier, 'CLOUD_HOST', :dimension, :unit, :price, :from, :to)
						""")
				.param("id", UUID.randomUUID())
				.param("list", list)
				.param("supplier", supplier)
				.param("dimension", line[0])
				.param("unit", line[1])
				.param("price", new BigDecimal(line[2]))
				.param("from", Date.valueOf(LocalDate.parse(from)))
				.param("to", (to != null) ? Date.valueOf(LocalDate.parse(to)) : null)
				.update();
		}
	}

	private static String draft(Approved approved, UUID supplier, String start, String vcpuPrice) {
		return "{\"applicationId\":\"" + approved.id() + "\",\"supplierId\":\"" + supplier + "\",\"contractCode\":\"C-"
				+ UUID.randomUUID().toString().substring(0, 8) + "\",\"termStart\":\"" + start
				+ "\",\"termEnd\":\"2026-12-31\",\"lines\":[{\"applicationLineId\":\"" + approved.firstLineId()
				+ "\",\"dimension\":\"vcpu\"," + "\"quantity\":8,\"unitPrice\":" + vcpuPrice + "}]}";
	}

	private Approved approvedApplication(TestClient unit) {
		return Scenarios.approvedHosts(this.port, "unitadmin", 1, 16, false);
	}

}
