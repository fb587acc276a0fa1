package cn.govcloud;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/** Situations several tests start from, built through the API as people would. */
public final class Scenarios {

	/** The smallest file that is really a PDF. */
	public static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private Scenarios() {
	}

	/**
	 * A unit user's new system with a construction plan, and an application for
	 * {@code hosts} 8-vCPU hosts with {@code memoryGib} (plus 500 GiB of block storage if
	 * asked) that the Commission's reviewer approved as asked.
	 */
	public static Approved approvedHosts(int port, String username, int hosts, int memoryGib, boolean withStorage) {
		TestClient unit = TestClient.signedIn(port, username);
		HttpResponse<String> system = unit.postJson("/api/v1/systems", "{\"name\":\"测试系统 "
				+ UUID.randomUUID().toString().substring(0, 8) + "\",\"purpose\":\"测试\",\"protectionLevel\":2}");
		assertThat(system.statusCode()).as(system.body()).isEqualTo(201);
		String systemId = JsonPath.read(system.body(), "$.id");
		HttpResponse<String> plan = unit.postMultipart("/api/v1/systems/" + systemId + "/plans", "file", "plan.pdf",
				PDF);
		assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
		String storage = withStorage ? ",{\"kind\":\"CLOUD_STORAGE\",\"spec\":{\"storageType\":\"块存储 block\","
				+ "\"capacityGib\":500},\"quantity\":1,\"justification\":\"数据\"}" : "";
		HttpResponse<String> drafted = unit.postJson("/api/v1/applications",
				"{\"systemId\":\"" + systemId
						+ "\",\"planVersion\":1,\"lines\":[{\"kind\":\"CLOUD_HOST\",\"spec\":{\"vcpu\":8,\"memoryGib\":"
						+ memoryGib + ",\"systemDiskGib\":100,\"os\":\"麒麟 Kylin\"},\"quantity\":" + hosts
						+ ",\"justification\":\"业务\"}" + storage + "]}");
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
		String application = JsonPath.read(drafted.body(), "$.id");
		unit.postJson("/api/v1/applications/" + application + "/submit", "{}");
		HttpResponse<String> decided = TestClient.signedIn(port, "reviewer")
			.postJson("/api/v1/applications/" + application + "/decision", "{\"decision\":\"APPROVED\"}");
		assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
		return new Approved(unit, systemId, application, JsonPath.read(decided.body(), "$.lines[0].id"));
	}

	/**
	 * A contract of the approval with {@code supplier}, priced at the tender caps,
	 * signed, submitted and filed by the Commission's reviewer.
	 * @return the contract's id
	 */
	public static String filedContract(int port, Approved approved, UUID supplier) {
		HttpResponse<String> drafted = approved.unit()
			.postJson("/api/v1/contracts",
					"{\"applicationId\":\"" + approved.id() + "\",\"supplierId\":\"" + supplier
							+ "\",\"contractCode\":\"YXZW-" + UUID.randomUUID().toString().substring(0, 8)
							+ "\",\"termStart\":\"2026-03-01\",\"termEnd\":\"2027-02-28\",\"lines\":[]}");
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
		String contract = JsonPath.read(drafted.body(), "$.id");
		HttpResponse<String> signed = approved.unit()
			.postMultipartWithField("/api/v1/contracts/" + contract + "/sign", "signedOn", "2026-02-20", "file",
					"合同.pdf", PDF);
		assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
		assertThat(approved.unit().postJson("/api/v1/contracts/" + contract + "/submit", "{}").statusCode())
			.isEqualTo(200);
		HttpResponse<String> filed = TestClient.signedIn(port, "reviewer")
			.postJson("/api/v1/contracts/" + contract + "/file", "{}");
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
		return contract;
	}

	/** The demo supplier, 宜兴政务云服务有限公司. */
	public static UUID demoSupplier(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		return jdbc.sql("SELECT id FROM organization WHERE kind = 'SUPPLIER' AND name = '宜兴政务云服务有限公司'")
			.query(UUID.class)
			.single();
	}

	/** An approved application and the unit user who applied. */
	public record Approved(TestClient unit, String systemId, String id, String firstLineId) {
	}

	/**
	 * The work order a filed contract opens; it is opened after the filing commits (an
	 * event listener), so it is waited for, at most ten seconds.
	 */
	public static UUID awaitWorkOrder(org.springframework.jdbc.core.simple.JdbcClient jdbc, UUID contract) {
		return org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.pollInterval(java.time.Duration.ofMillis(100))
			.until(() -> jdbc
				.sql("SELECT id FROM work_order WHERE contract_id = :id AND kind = 'PROVISION' "
						+ "ORDER BY contract_version LIMIT 1")
				.param("id", contract)
				.query(UUID.class)
				.optional()
				.orElse(null), java.util.Objects::nonNull);
	}

	/**
	 * A filed contract of {@code hosts} approved 8-vCPU hosts whose work order the
	 * supplier's {@code operator} recorded in full and completed, and the unit accepted:
	 * the hosts are active and billed from today.
	 */
	public static Accepted acceptedHosts(int port, org.springframework.jdbc.core.simple.JdbcClient jdbc, UUID supplier,
			int hosts) {
		Approved approved = approvedHosts(port, "unitadmin", hosts, 32, false);
		String contract = filedContract(port, approved, supplier);
		UUID order = awaitWorkOrder(jdbc, UUID.fromString(contract));
		TestClient operator = TestClient.signedIn(port, "operator");
		String line = JsonPath.read(operator.getJson("/api/v1/work-orders/" + order).body(), "$.lines[0].id");
		java.util.List<String> instances = new java.util.ArrayList<>();
		for (int i = 0; i < hosts; i++) {
			HttpResponse<String> recorded = operator
				.postJson("/api/v1/work-orders/" + order + "/lines/" + line + "/instances", host(8, ip()));
			assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
			instances.add(JsonPath.read(recorded.body(), "$.id"));
		}
		assertThat(operator.postJson("/api/v1/work-orders/" + order + "/complete", "{}").statusCode()).isEqualTo(200);
		HttpResponse<String> accepted = approved.unit().postJson("/api/v1/work-orders/" + order + "/accept", "{}");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		return new Accepted(approved, contract, order.toString(), instances);
	}

	/** Accepted hosts: the approval, the contract, the work order and the instances. */
	public record Accepted(Approved approved, String contractId, String orderId, java.util.List<String> instanceIds) {

		public String systemId() {
			return this.approved.systemId();
		}

		public TestClient unit() {
			return this.approved.unit();
		}

	}

	/** An instance form of a host with {@code vcpu} vCPUs, 32 GiB, 100 GiB disk. */
	public static String host(int vcpu, String ip) {
		return "{\"name\":\"web-" + UUID.randomUUID().toString().substring(0, 6) + "\",\"ipAddresses\":[\"" + ip
				+ "\"],\"cloudInstanceId\":\"i-" + UUID.randomUUID() + "\",\"zone\":\"宜兴一区\",\"spec\":{\"vcpu\":" + vcpu
				+ ",\"memoryGib\":32,\"systemDiskGib\":100,\"os\":\"麒麟 Kylin\"}}";
	}

	/** A random address in 10.0.0.0/8. */
	public static String ip() {
		int n = (int) (Math.random() * 16_000_000);
		return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
	}

}
