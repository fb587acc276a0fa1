package cn.govcloud.metering;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.govcloud.TestClient;
import cn.govcloud.metering.MeteringFixtures.Host;
import cn.govcloud.metering.RemoteWriteEncoder.Series;
import com.jayway.jsonpath.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two GovCloud processes (the packaged jar) on one PostgreSQL database, as a province
 * runs several nodes behind a load balancer without sticky sessions (issue 19, ADR 0026,
 * 0036): a person signed in on one node goes on on the other; a scheduled job fired by
 * both runs once; a remote-write request resent to the other node is counted once (issue
 * 12); after one node is killed the other serves on. Node logs:
 * {@code target/node-a.log}, {@code target/node-b.log}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesIntegrationTests {

	private static final String CONSISTENCY = "inventory.consistency";

	/**
	 * Both nodes' schedulers fire the daily check every second; the lock allows one run.
	 */
	private static final String[] SHARED = { "--govcloud.inventory.consistency-cron=* * * * * *",
			"--govcloud.metering.directory-refresh=1s", "--govcloud.contracts.calendar-initial-delay=PT24H" };

	private static ClusterDatabase database;

	private static ClusterNode a;

	private static ClusterNode b;

	private static JdbcClient jdbc;

	@BeforeAll
	static void startTwoNodes() throws Exception {
		database = ClusterDatabase.create();
		jdbc = database.jdbc();
		a = new ClusterNode("node-a", database, with("--govcloud.demo-data=true"));
		b = new ClusterNode("node-b", database, with("--govcloud.demo-data=false"));
		a.start();
		// B starts once A has created the schema and the demo accounts (one first start
		// per database), while A is still warming up.
		Awaitility.await()
			.atMost(Duration.ofSeconds(240))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'finance'")
				.query(Long.class)
				.single() == 1);
		b.start();
		a.awaitHealthy(Duration.ofSeconds(240));
		b.awaitHealthy(Duration.ofSeconds(240));
	}

	@AfterAll
	static void stopBoth() throws Exception {
		try {
			for (ClusterNode node : new ClusterNode[] { a, b }) {
				if (node != null) {
					node.kill();
				}
			}
		}
		finally {
			if (database != null) {
				database.close();
			}
		}
	}

	@Test
	@Order(1)
	void aPersonSignedInOnOneNodeGoesOnOnTheOther() {
		TestClient onA = TestClient.signedIn(a.port(), "manager");
		TestClient onB = onA.at(b.port());
		HttpResponse<String> page = onB.get("/");
		assertThat(page.statusCode()).as("the session of node A on node B").isEqualTo(200);
		assertThat(page.body()).contains("李强");
		// a write with the session's CSRF token, on the node that did not issue it
		UUID supplier = new MeteringFixtures(jdbc, b.port()).organizationOf("operator");
		HttpResponse<String> issued = onB.postJson("/api/v1/metering/credentials",
				"{\"supplierId\":\"" + supplier + "\",\"label\":\"node B\"}");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
	}

	@Test
	@Order(2)
	void aJobBothNodesFireRunsOnceInTheCluster() throws Exception {
		Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			return runs("ran") >= 1 && a.metric(job("skipped")) >= 2 && b.metric(job("skipped")) >= 2;
		});
		assertThat(runs("ran")).as("runs of the daily check over both nodes").isEqualTo(1);
	}

	@Test
	@Order(3)
	void aRequestResentToTheOtherNodeIsCountedOnce() throws Exception {
		MeteringFixtures fixturesA = new MeteringFixtures(jdbc, a.port());
		MeteringFixtures fixturesB = new MeteringFixtures(jdbc, b.port());
		UUID supplier = fixturesA.organizationOf("operator");
		Host host = fixturesA.host(fixturesA.organizationOf("unitadmin"), supplier);
		String token = fixturesA.credential(supplier);
		long t0 = System.currentTimeMillis() - 300_000;
		List<Series> request = samples(host, t0, 120);
		// both nodes' instance matchers look for inventory changes every second
		Thread.sleep(4000);
		assertThat(stored(fixturesA.write(token, request))).isEqualTo(120);
		HttpResponse<String> resent = fixturesB.write(token, request);
		assertThat(resent.statusCode()).as(resent.body()).isEqualTo(204);
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> jdbc.sql("SELECT count(*) FROM metering_batch WHERE supplier_id = :s")
				.param("s", supplier)
				.query(Long.class)
				.single() == 0);
		TestClient manager = TestClient.signedIn(b.port(), "manager");
		String stats = manager.getJson("/api/v1/metering/stats?supplierId=" + supplier).body();
		assertThat(((Number) JsonPath.read(stats, "$.storedSamples")).longValue()).as(stats).isEqualTo(120);
		// the timestamp of the series' last: duplicate; older ones: out of order (ADR
		// 0010)
		assertThat(((Number) JsonPath.read(stats, "$.duplicateSamples")).longValue()
				+ ((Number) JsonPath.read(stats, "$.outOfOrderSamples")).longValue())
			.as(stats)
			.isEqualTo(120);
		assertThat(jdbc.sql("SELECT sum(count) FROM metering_5m WHERE instance_id = :i")
			.param("i", host.id())
			.query(Long.class)
			.single()).as("samples rolled up").isEqualTo(120);
		assertThat(jdbc.sql("SELECT count(*) FROM metering_series WHERE instance_id = :i")
			.param("i", host.id())
			.query(Long.class)
			.single()).as("one series, whichever node saw it first").isEqualTo(1);
	}

	@Test
	@Order(4)
	void afterOneNodeIsKilledTheOtherServesOn() throws Exception {
		TestClient signedInOnA = TestClient.signedIn(a.port(), "unitadmin");
		a.kill();
		assertThat(signedInOnA.at(b.port()).get("/").statusCode()).as("A's session on B, A dead").isEqualTo(200);
		TestClient onB = TestClient.signedIn(b.port(), "unitadmin");
		assertThat(onB.get("/").statusCode()).isEqualTo(200);
		HttpResponse<String> systems = onB.getJson("/api/v1/systems");
		assertThat(systems.statusCode()).as(systems.body()).isEqualTo(200);
		assertThat(TestClient.signedIn(b.port(), "manager").get("/").statusCode()).isEqualTo(200);
	}

	private static String[] with(String option) {
		List<String> all = new ArrayList<>(List.of(SHARED));
		all.add(option);
		return all.toArray(String[]::new);
	}

	private static double runs(String outcome) throws Exception {
		return a.metric(job(outcome)) + b.metric(job(outcome));
	}

	private static String job(String outcome) {
		return "govcloud_cluster_job_total{job=\"" + CONSISTENCY + "\",outcome=\"" + outcome + "\"}";
	}

	/**
	 * Stored samples of an answer, or -1 (the node's matcher may not know the host yet).
	 */
	private static long stored(HttpResponse<String> answer) {
		return (answer.statusCode() == 204)
				? Long.parseLong(answer.headers().firstValue("X-Prometheus-Remote-Write-Samples-Written").orElse("-1"))
				: -1;
	}

	/** {@code count} samples of one gauge series, one second apart. */
	private static List<Series> samples(Host host, long from, int count) {
		Series series = Series.of("__name__", "govcloud_cpu_utilisation_ratio", "instance", host.ip() + ":9100");
		for (int i = 0; i < count; i++) {
			series.sample(from + i * 1000L, (i % 100) / 100.0);
		}
		return new ArrayList<>(List.of(series));
	}

}
