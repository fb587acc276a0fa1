package cn.govcloud.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads of another organisation's records are audited per request (PRODUCT C15, issue 19,
 * ADR 0034): who, what, when, from where, and whose.
 */
@GovCloudIntegrationTest
class ReadAuditIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReadAuditWriter writer;

	@Autowired
	AuditVerification verification;

	UUID system;

	UUID unit;

	@BeforeEach
	void aSystemOfTheDemoUnit() {
		this.unit = this.jdbc.sql("SELECT organization_id FROM app_user WHERE username = 'unitadmin'")
			.query(UUID.class)
			.single();
		var created = TestClient.signedIn(this.port, "unitadmin")
			.postJson("/api/v1/systems", "{\"name\":\"读取审计 " + UUID.randomUUID().toString().substring(0, 8)
					+ "\",\"purpose\":\"测试\",\"protectionLevel\":2}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		this.system = UUID.fromString(JsonPath.read(created.body(), "$.id"));
	}

	@Test
	void theCommissionOpeningAUnitsSystemIsRecordedWithWhoWhatWhenWhereAndWhose() {
		String path = "/systems/" + this.system;
		assertThat(TestClient.signedIn(this.port, "reviewer").get(path).statusCode()).isEqualTo(200);
		List<ReadRecord> reads = reads(path);
		assertThat(reads).hasSize(1);
		ReadRecord read = reads.get(0);
		assertThat(read.actor()).isEqualTo("reviewer");
		assertThat(read.clientAddress()).isEqualTo("127.0.0.1");
		assertThat(read.detail()).contains("organizations=").contains(this.unit.toString());
	}

	@Test
	void theUnitReadingItsOwnSystemIsNotAReadOfOthers() {
		String path = "/systems/" + this.system;
		assertThat(TestClient.signedIn(this.port, "unitadmin").get(path).statusCode()).isEqualTo(200);
		assertThat(reads(path)).isEmpty();
	}

	@Test
	void aCityWideListAndTheFinanceBureausAggregatesAreRecordedByTheirReach() {
		String list = "/systems?size=5&marker=" + UUID.randomUUID();
		assertThat(TestClient.signedIn(this.port, "manager").get(list).statusCode()).isEqualTo(200);
		assertThat(reads(list)).singleElement().satisfies((read) -> {
			assertThat(read.actor()).isEqualTo("manager");
			assertThat(read.detail()).contains("lists=all");
		});
		String finance = "/finance?marker=" + UUID.randomUUID();
		assertThat(TestClient.signedIn(this.port, "finance").get(finance).statusCode()).isEqualTo(200);
		assertThat(reads(finance)).singleElement()
			.satisfies((read) -> assertThat(read.detail()).contains("aggregates"));
	}

	@Test
	void aSupplierReadingTheUnitsItServesIsRecorded() {
		String path = "/api/v1/inventory/instances?marker=" + UUID.randomUUID();
		assertThat(TestClient.signedIn(this.port, "operator").getJson(path).statusCode()).isEqualTo(200);
		assertThat(reads(path)).singleElement().satisfies((read) -> {
			assertThat(read.actor()).isEqualTo("operator");
			assertThat(read.detail()).containsAnyOf("lists=party", "lists=served");
		});
	}

	@Test
	void aRefusedOrFailedReadIsNotRecorded() {
		String missing = "/systems/" + UUID.randomUUID();
		assertThat(TestClient.signedIn(this.port, "reviewer").get(missing).statusCode()).isEqualTo(404);
		assertThat(reads(missing)).isEmpty();
		// The finance bureau reads aggregates, never a unit's system.
		String stranger = "/systems/" + this.system + "?marker=" + UUID.randomUUID();
		assertThat(TestClient.signedIn(this.port, "finance").get(stranger).statusCode()).isIn(403, 404);
		assertThat(reads(stranger)).isEmpty();
	}

	@Test
	void concurrentReadsAreEachRecordedOnceAndTheChainHolds() throws Exception {
		String marker = UUID.randomUUID().toString();
		TestClient reviewer = TestClient.signedIn(this.port, "reviewer");
		List<String> paths = java.util.stream.IntStream.range(0, 24)
			.mapToObj((i) -> "/systems/" + this.system + "?marker=" + marker + "-" + i)
			.toList();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<Integer>> answers = paths.stream()
				.map((path) -> pool.submit(() -> reviewer.get(path).statusCode()))
				.toList();
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
		for (String path : paths) {
			assertThat(reads(path)).as(path).singleElement().satisfies((read) -> {
				assertThat(read.actor()).isEqualTo("reviewer");
				assertThat(read.clientAddress()).isEqualTo("127.0.0.1");
			});
		}
		assertThat(this.verification.check().intact()).isTrue();
	}

	@Test
	void recordsStillQueuedWhenTheWriterStopsAreWritten() {
		String target = "/queued-at-stop/" + UUID.randomUUID();
		try {
			for (int i = 0; i < 50; i++) {
				this.writer.add(new ChainAppend.Entry(Instant.now(), "reviewer", "宜兴市政务服务管理办公室", ReadAudit.ACTION,
						target, AuditOutcome.SUCCESS, "127.0.0.1", "lists=all"));
			}
			this.writer.stop();
			assertThat(this.jdbc.sql("SELECT count(*) FROM audit_event WHERE target = :target")
				.param("target", target)
				.query(Long.class)
				.single()).isEqualTo(50);
		}
		finally {
			this.writer.start();
		}
		assertThat(this.verification.check().intact()).isTrue();
	}

	private List<ReadRecord> reads(String target) {
		try {
			this.writer.flush();
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
		return this.jdbc.sql("""
				SELECT actor, client_address, detail FROM audit_event
				WHERE action = 'records.read' AND target = :target ORDER BY seq
				""")
			.param("target", target)
			.query((rs, n) -> new ReadRecord(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	record ReadRecord(String actor, String clientAddress, String detail) {
	}

}
