package cn.govcloud.contract;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Approved;
import cn.govcloud.TestClient;
import cn.govcloud.catalogue.PriceCap;
import cn.govcloud.catalogue.TenderPrices;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contracts through the API (Art. 7): caps, approval limits, filing, isolation, payments,
 * amendments.
 */
@GovCloudIntegrationTest
class ContractIntegrationTests {

	static final LocalDate START = LocalDate.of(2026, 3, 1);

	static final LocalDate END = LocalDate.of(2027, 2, 28);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TenderPrices prices;

	UUID supplier;

	@BeforeEach
	void demoSupplier() {
		this.supplier = this.jdbc.sql("SELECT id FROM organization WHERE kind = 'SUPPLIER' AND name = '宜兴政务云服务有限公司'")
			.query(UUID.class)
			.single();
	}

	@Test
	void draftedFromTheApprovalAtTheTenderPrices() {
		Approved approved = approved();
		HttpResponse<String> drafted = approved.unit().postJson("/api/v1/contracts", draft(approved.id(), "[]"));
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
		PriceCap vcpu = this.prices.capFor(this.supplier, "CLOUD_HOST", "vcpu", START).orElseThrow();
		List<Integer> vcpuQuantity = JsonPath.read(drafted.body(), "$.lines[?(@.dimension=='vcpu')].quantity");
		assertThat(vcpuQuantity).containsExactly(16);
		List<Double> vcpuPrice = JsonPath.read(drafted.body(), "$.lines[?(@.dimension=='vcpu')].unitPrice");
		assertThat(BigDecimal.valueOf(vcpuPrice.get(0))).isEqualByComparingTo(vcpu.unitPrice());
		assertThat((String) JsonPath.read(drafted.body(), "$.status")).isEqualTo("DRAFT");
	}

	@Test
	void aPriceEqualToTheCapPassesAndOneFenAboveIsRefusedNamingLinePriceCapAndTender() {
		Approved approved = approved();
		String id = JsonPath.read(approved.unit().postJson("/api/v1/contracts", draft(approved.id(), "[]")).body(),
				"$.id");
		String lines = lines(approved.unit(), id);
		PriceCap cap = this.prices.capFor(this.supplier, "CLOUD_HOST", "vcpu", START).orElseThrow();
		String above = withPrice(lines, "vcpu", cap.unitPrice().add(new BigDecimal("0.01")));
		HttpResponse<String> refused = approved.unit().putJson("/api/v1/contracts/" + id, draft(approved.id(), above));
		assertThat(refused.statusCode()).isEqualTo(400);
		String field = JsonPath.read(refused.body(), "$.errors[0].field");
		assertThat(field).matches("lines\\[\\d+]\\.unitPrice");
		assertThat((String) JsonPath.read(refused.body(), "$.errors[0].message"))
			.contains(cap.unitPrice().add(new BigDecimal("0.01")).toPlainString())
			.contains(cap.unitPrice().toPlainString())
			.contains(cap.tenderNumber());
		HttpResponse<String> equal = approved.unit()
			.putJson("/api/v1/contracts/" + id, draft(approved.id(), withPrice(lines, "vcpu", cap.unitPrice())));
		assertThat(equal.statusCode()).as(equal.body()).isEqualTo(200);
	}

	@Test
	void aQuantityAboveTheApprovalIsRefused() {
		Approved approved = approved();
		String id = JsonPath.read(approved.unit().postJson("/api/v1/contracts", draft(approved.id(), "[]")).body(),
				"$.id");
		String lines = lines(approved.unit(), id).replace("\"quantity\":16", "\"quantity\":17");
		HttpResponse<String> refused = approved.unit().putJson("/api/v1/contracts/" + id, draft(approved.id(), lines));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.errors[0].message")).contains("17").contains("16");
	}

	@Test
	void badTermsAndPricesAreNamedAndNothingIsSaved() {
		Approved approved = approved();
		HttpResponse<String> backwards = approved.unit()
			.postJson("/api/v1/contracts", draft(approved.id(), "[]").replace(END.toString(), "2026-01-01"));
		assertThat((String) JsonPath.read(backwards.body(), "$.errors[0].field")).isEqualTo("termEnd");
		assertThat(this.jdbc.sql("SELECT count(*) FROM contract WHERE application_id = :id")
			.param("id", UUID.fromString(approved.id()))
			.query(Long.class)
			.single()).isZero();
		String id = JsonPath.read(approved.unit().postJson("/api/v1/contracts", draft(approved.id(), "[]")).body(),
				"$.id");
		String lines = lines(approved.unit(), id);
		HttpResponse<String> threeDecimals = approved.unit()
			.putJson("/api/v1/contracts/" + id,
					draft(approved.id(), withPrice(lines, "vcpu", new BigDecimal("1.005"))));
		assertThat(threeDecimals.statusCode()).isEqualTo(400);
		HttpResponse<String> zero = approved.unit()
			.putJson("/api/v1/contracts/" + id,
					draft(approved.id(), lines.replace("\"quantity\":16", "\"quantity\":0")));
		assertThat(zero.statusCode()).isEqualTo(400);
	}

	@Test
	void filedByOneReviewerOnlyAndSeenByItsPartiesOnly() throws Exception {
		Approved approved = approved();
		String id = submitted(approved);
		List<TestClient> reviewers = List.of(TestClient.signedIn(this.port, "reviewer"),
				TestClient.signedIn(this.port, "reviewer"));
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			TestClient reviewer = reviewers.get(i);
			String path = (i == 0) ? "/file" : "/return";
			answers.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return reviewer.postJson("/api/v1/contracts/" + id + path, "{\"reason\":\"价格条款需补充\"}");
			}));
		}
		start.countDown();
		assertThat(answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList())
			.containsExactlyInAnyOrder(200, 409);
		assertThat(TestClient.signedIn(this.port, "operator").getJson("/api/v1/contracts/" + id).statusCode())
			.isEqualTo(200);
		HttpResponse<String> guessed = TestClient.signedIn(this.port, "unitadmin2").getJson("/api/v1/contracts/" + id);
		HttpResponse<String> missing = TestClient.signedIn(this.port, "unitadmin2")
			.getJson("/api/v1/contracts/" + UUID.randomUUID());
		assertThat(guessed.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
		assertThat(TestClient.signedIn(this.port, "unitadmin2").getJson("/api/v1/contracts").body()).doesNotContain(id);
	}

	@Test
	void aFilingDecisionOnAContractNotSubmittedIsRefused() {
		Approved approved = approved();
		String id = JsonPath.read(approved.unit().postJson("/api/v1/contracts", draft(approved.id(), "[]")).body(),
				"$.id");
		assertThat(TestClient.signedIn(this.port, "reviewer")
			.postJson("/api/v1/contracts/" + id + "/file", "{}")
			.statusCode()).isEqualTo(409);
		assertThat(approved.unit().postJson("/api/v1/contracts/" + id + "/submit", "{}").statusCode()).isEqualTo(409);
	}

	@Test
	void paymentsAboveTheOutstandingNeedConfirmationAndAmendmentsKeepVersions() {
		Approved approved = approved();
		String id = submitted(approved);
		TestClient.signedIn(this.port, "reviewer").postJson("/api/v1/contracts/" + id + "/file", "{}");
		String contract = approved.unit().getJson("/api/v1/contracts/" + id).body();
		BigDecimal outstanding = new BigDecimal(JsonPath.read(contract, "$.totals.outstanding").toString());
		String tooMuch = payment(outstanding.add(BigDecimal.ONE), false);
		HttpResponse<String> refused = approved.unit().postJson("/api/v1/contracts/" + id + "/payments", tooMuch);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.errors[0].field")).isEqualTo("amount");
		assertThat(approved.unit()
			.postJson("/api/v1/contracts/" + id + "/payments", payment(new BigDecimal("100.00"), false))
			.statusCode()).isEqualTo(201);
		String paid = approved.unit().getJson("/api/v1/contracts/" + id).body();
		assertThat(new BigDecimal(JsonPath.read(paid, "$.totals.outstanding").toString()))
			.isEqualByComparingTo(outstanding.subtract(new BigDecimal("100.00")));

		int vcpuLine = JsonPath.<List<Integer>>read(paid, "$.lines[?(@.dimension=='vcpu')].position").get(0);
		HttpResponse<String> amended = approved.unit()
			.postJson("/api/v1/contracts/" + id + "/amendments",
					"{\"effectiveFrom\":\"2026-09-01\",\"reason\":\"缩减一台\",\"quantities\":{\"" + vcpuLine + "\":8}}");
		assertThat(amended.statusCode()).as(amended.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(amended.body(), "$.version")).isEqualTo(2);
		assertThat(JsonPath.<List<Integer>>read(amended.body(), "$.versions[*].version")).containsExactly(1, 2);
		BigDecimal before = new BigDecimal(JsonPath.read(paid, "$.totals.term").toString());
		BigDecimal after = new BigDecimal(JsonPath.read(amended.body(), "$.totals.term").toString());
		assertThat(after).isLessThan(before);
		HttpResponse<String> aboveApproval = approved.unit()
			.postJson("/api/v1/contracts/" + id + "/amendments",
					"{\"effectiveFrom\":\"2026-10-01\",\"reason\":\"x\",\"quantities\":{\"" + vcpuLine + "\":99}}");
		assertThat(aboveApproval.statusCode()).isEqualTo(400);
	}

	private String submitted(Approved approved) {
		String id = JsonPath.read(approved.unit().postJson("/api/v1/contracts", draft(approved.id(), "[]")).body(),
				"$.id");
		HttpResponse<String> signed = approved.unit()
			.postMultipartWithField("/api/v1/contracts/" + id + "/sign", "signedOn", "2026-02-20", "file", "合同.pdf",
					Scenarios.PDF);
		assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
		assertThat(approved.unit().postJson("/api/v1/contracts/" + id + "/submit", "{}").statusCode()).isEqualTo(200);
		return id;
	}

	private static String payment(BigDecimal amount, boolean confirm) {
		return "{\"amount\":" + amount.toPlainString() + ",\"paidOn\":\"2026-03-10\",\"periodFrom\":\"2026-03-01\","
				+ "\"periodTo\":\"2026-03-31\",\"invoiceNumber\":\"FP-" + UUID.randomUUID().toString().substring(0, 6)
				+ "\",\"confirmOverpayment\":" + confirm + "}";
	}

	private String lines(TestClient unit, String id) {
		List<Object> lines = JsonPath.read(unit.getJson("/api/v1/contracts/" + id).body(), "$.lines[*]");
		StringBuilder json = new StringBuilder("[");
		for (Object line : lines) {
			java.util.Map<?, ?> l = (java.util.Map<?, ?>) line;
			json.append((json.length() > 1) ? "," : "")
				.append("{\"applicationLineId\":\"")
				.append(l.get("applicationLineId"))
				.append("\",\"dimension\":\"")
				.append(l.get("dimension"))
				.append("\",\"quantity\":")
				.append(l.get("quantity"))
				.append(",\"unitPrice\":")
				.append(new BigDecimal(l.get("unitPrice").toString()).setScale(2).toPlainString())
				.append("}");
		}
		return json.append("]").toString();
	}

	private static String withPrice(String lines, String dimension, BigDecimal price) {
		return lines.replaceFirst("(\"dimension\":\"" + dimension + "\",\"quantity\":\\d+,\"unitPrice\":)[0-9.]+",
				"$1" + price.toPlainString());
	}

	private String draft(String applicationId, String lines) {
		return "{\"applicationId\":\"" + applicationId + "\",\"supplierId\":\"" + this.supplier
				+ "\",\"contractCode\":\"YXZW-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"termStart\":\""
				+ START + "\",\"termEnd\":\"" + END + "\",\"lines\":" + lines + "}";
	}

	private Approved approved() {
		return Scenarios.approvedHosts(this.port, "unitadmin", 2, 32, true);
	}

}
