package cn.govcloud.rightsizing;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Accepted;
import cn.govcloud.TestClient;
import cn.govcloud.contract.MonthlyFees;
import cn.govcloud.metering.Metric;
import cn.govcloud.metering.UtilisationHistory;
import cn.govcloud.shared.CityTime;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A standing release order carried out on its effective date (Art. 8): the contract is
 * amended from that date (billing reduced from then, the months before billed as they
 * were), the supplier gets a resize order for the downsized host and a reclaim order for
 * the idle one, the order shows the realised saving, two runs at once carry it out once,
 * and the supplier's "resized" changes the host's spec once.
 */
@GovCloudIntegrationTest
class ReleaseOrderCarryOutIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UtilisationHistory history;

	@Autowired
	Recomputation recomputation;

	@Autowired
	ReleaseOrderExecution execution;

	@Autowired
	MonthlyFees fees;

	@Autowired
	SavingsReport report;

	@Test
	void aStandingOrderAmendsTheContractFromItsEffectiveDateAndOpensTheSuppliersWorkOrders() throws Exception {
		Accepted hosts = Scenarios.acceptedHosts(this.port, this.jdbc, Scenarios.demoSupplier(this.jdbc), 2);
		UUID busy = UUID.fromString(hosts.instanceIds().get(0));
		UUID idle = UUID.fromString(hosts.instanceIds().get(1));
		Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(10, ChronoUnit.DAYS);
		this.history.load(List.of(RightsizingFixtures.flat(busy, Metric.CPU, start, 0.10),
				RightsizingFixtures.flat(busy, Metric.MEMORY, start, 0.20),
				RightsizingFixtures.flat(idle, Metric.CPU, start, 0.02),
				RightsizingFixtures.flat(idle, Metric.MEMORY, start, 0.20))
			.iterator());
		LocalDate today = CityTime.today();
		this.recomputation.recompute(today);
		String downsize = recommendation(busy, today);
		String release = recommendation(idle, today);

		TestClient manager = TestClient.signedIn(this.port, "manager");
		HttpResponse<String> issued = manager.postJson("/api/v1/rightsizing/orders",
				"{\"recommendationIds\":[\"" + downsize + "\",\"" + release + "\"]}");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		assertThat((List<String>) JsonPath.read(issued.body(), "$.lines[*].action")).containsExactly("DOWNSIZE",
				"RELEASE");
		String id = JsonPath.read(issued.body(), "$.id");
		BigDecimal ordered = new BigDecimal(JsonPath.read(issued.body(), "$.monthlySaving").toString());
		int orderedVcpu = JsonPath.read(issued.body(), "$.lines[0].orderedSpec.vcpu");
		HttpResponse<String> accepted = hosts.unit().postJson("/api/v1/rightsizing/orders/" + id + "/accept", "{}");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		LocalDate effective = today.plusDays(1);
		assertThat((String) JsonPath.read(accepted.body(), "$.effectiveOn")).isEqualTo(effective.toString());

		// (other tests' orders may be due: only this order's contract is looked at)
		this.execution.carryOutDue(today);
		assertThat(contractVersion(hosts.contractId())).as("not before the effective date").isEqualTo(1);

		// two runs at once: one carries the order out
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Integer>> runs = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			runs.add(CompletableFuture.supplyAsync(() -> {
				RightsizingFixtures.await(go);
				return this.execution.carryOutDue(effective);
			}));
		}
		go.countDown();
		assertThat(runs.stream().mapToInt(CompletableFuture::join).sum()).isPositive();
		this.execution.carryOutDue(effective.plusDays(1));

		// the contract: one amendment, version 2 from the effective date, billed less
		// from
		// then
		assertThat(contractVersion(hosts.contractId())).as("amended once").isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT count(*) FROM work_order WHERE contract_id = :id AND kind <> 'PROVISION'")
			.param("id", UUID.fromString(hosts.contractId()))
			.query(Long.class)
			.single()).as("one resize and one reclaim order").isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT effective_from FROM contract_version WHERE contract_id = :id AND version = 2")
			.param("id", UUID.fromString(hosts.contractId()))
			.query(LocalDate.class)
			.single()).isEqualTo(effective);
		Map<String, Object> carried = this.jdbc.sql("SELECT * FROM rightsizing_order_contract WHERE order_id = :id")
			.param("id", UUID.fromString(id))
			.query()
			.singleRow();
		BigDecimal before = (BigDecimal) carried.get("billed_before");
		BigDecimal after = (BigDecimal) carried.get("billed_after");
		assertThat(before.subtract(after)).as("realised = ordered at the contract's prices")
			.isEqualByComparingTo(ordered)
			.isPositive();
		YearMonth month = YearMonth.from(effective);
		assertThat(fee(hosts, month.minusMonths(1))).as("billed as before the month before")
			.isEqualByComparingTo(before);
		assertThat(fee(hosts, month.plusMonths(1))).as("billed less the month after").isEqualByComparingTo(after);
		BigDecimal split = fee(hosts, month);
		assertThat(split).as("the effective month: part each").isGreaterThan(after).isLessThan(before);

		// the supplier's work orders: resize the busy host, reclaim the idle one
		UUID resize = (UUID) carried.get("resize_order_id");
		UUID reclaim = (UUID) carried.get("reclaim_order_id");
		assertThat(state(idle)).isEqualTo("RECLAIMING");
		assertThat(this.jdbc.sql("SELECT reclaim_order_id FROM instance WHERE id = :id")
			.param("id", idle)
			.query(UUID.class)
			.single()).isEqualTo(reclaim);
		TestClient operator = TestClient.signedIn(this.port, "operator");
		assertThat(operator.get("/work-orders/" + resize).body()).contains(hostName(busy), "resized-order");
		assertThat(operator.postForm("/work-orders/" + resize + "/resized", Map.of()).statusCode()).isEqualTo(302);
		assertThat(vcpu(busy)).isEqualTo(orderedVcpu);
		HttpResponse<String> again = operator.postForm("/work-orders/" + resize + "/resized", Map.of());
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(operator.get("/work-orders/" + resize).body()).doesNotContain("resized-order");
		assertThat(this.jdbc.sql("SELECT status FROM work_order WHERE id = :id")
			.param("id", resize)
			.query(String.class)
			.single()).isEqualTo("COMPLETED");

		// the order shows the realised saving; another unit sees nothing of it
		String page = hosts.unit().get("/rightsizing/orders/" + id).body();
		assertThat(page).contains("realised-saving", format(before.subtract(after)),
				format(before.subtract(after).multiply(BigDecimal.valueOf(12))));
		assertThat(TestClient.signedIn(this.port, "unitadmin2").get("/rightsizing/orders/" + id).statusCode())
			.isEqualTo(404);

		// the city's savings: for the Commission and the finance bureau, not for a unit
		UUID unit = this.jdbc.sql("SELECT unit_id FROM rightsizing_order WHERE id = :id")
			.param("id", UUID.fromString(id))
			.query(UUID.class)
			.single();
		TestClient finance = TestClient.signedIn(this.port, "finance");
		HttpResponse<String> city = finance.getJson("/api/v1/rightsizing/savings");
		assertThat(city.statusCode()).as(city.body()).isEqualTo(200);
		assertThat(city.body()).contains(unit.toString());
		BigDecimal now = realisedMonthly(this.report.on(today), unit);
		BigDecimal then = realisedMonthly(this.report.on(effective), unit);
		assertThat(then.subtract(now)).as("in force from the effective date")
			.isGreaterThanOrEqualTo(before.subtract(after));
		assertThat(finance.get("/rightsizing/savings").body()).contains("savings-chart", "savings-units");
		assertThat(manager.get("/rightsizing/savings").statusCode()).isEqualTo(200);
		HttpResponse<String> workbook = finance.get("/api/v1/rightsizing/savings.xlsx");
		assertThat(workbook.statusCode()).isEqualTo(200);
		assertThat(workbook.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
		assertThat(hosts.unit().get("/rightsizing/savings").statusCode()).isEqualTo(403);
		assertThat(hosts.unit().getJson("/api/v1/rightsizing/savings").statusCode()).isEqualTo(403);
	}

	private String recommendation(UUID instance, LocalDate on) {
		return this.jdbc
			.sql("SELECT id::text FROM rightsizing_recommendation WHERE instance_id = :id AND computed_on = :on")
			.param("id", instance)
			.param("on", java.sql.Date.valueOf(on))
			.query(String.class)
			.single();
	}

	private static BigDecimal realisedMonthly(CitySavings savings, UUID unit) {
		return savings.units()
			.stream()
			.filter((u) -> u.unitId().equals(unit))
			.map(CitySavings.UnitSavings::realisedMonthly)
			.findFirst()
			.orElse(BigDecimal.ZERO);
	}

	private int contractVersion(String contract) {
		return this.jdbc.sql("SELECT version FROM contract WHERE id = :id")
			.param("id", UUID.fromString(contract))
			.query(Integer.class)
			.single();
	}

	private BigDecimal fee(Accepted hosts, YearMonth month) {
		return this.fees.in(month, null)
			.stream()
			.filter((f) -> f.contractId().toString().equals(hosts.contractId()))
			.findFirst()
			.orElseThrow()
			.amount();
	}

	private String state(UUID instance) {
		return this.jdbc.sql("SELECT state FROM instance WHERE id = :id")
			.param("id", instance)
			.query(String.class)
			.single();
	}

	private String hostName(UUID instance) {
		return this.jdbc.sql("SELECT name FROM instance WHERE id = :id")
			.param("id", instance)
			.query(String.class)
			.single();
	}

	private int vcpu(UUID instance) {
		return this.jdbc.sql("SELECT (spec->>'vcpu')::int FROM instance WHERE id = :id")
			.param("id", instance)
			.query(Integer.class)
			.single();
	}

	private static String format(BigDecimal amount) {
		return new java.text.DecimalFormat("#,##0.00").format(amount);
	}

}
