package cn.govcloud.metering;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Approved;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hosts of the demo unit that the demo supplier has provisioned and the unit accepted, an
 * ingest credential for the supplier, and remote-write requests carrying their
 * utilisation: what every metering test needs before it can look at a chart.
 */
public final class MeteredHosts {

	private final int port;

	private final String token;

	private final Approved approved;

	private final List<Host> hosts;

	private MeteredHosts(int port, String token, Approved approved, List<Host> hosts) {
		this.port = port;
		this.token = token;
		this.approved = approved;
		this.hosts = hosts;
	}

	/**
	 * {@code count} hosts (at most 5) accepted by {@code unitadmin}, each with its own
	 * IP, known to metering's instance matcher at once (it reloads every 30 s on its
	 * own).
	 */
	public static MeteredHosts provision(int port, ApplicationContext context, int count) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		UUID supplier = jdbc.sql("SELECT id FROM organization WHERE name = '宜兴政务云服务有限公司'").query(UUID.class).single();
		Approved approved = Scenarios.approvedHosts(port, "unitadmin", count, 32, false);
		UUID order = Scenarios.awaitWorkOrder(jdbc, UUID.fromString(Scenarios.filedContract(port, approved, supplier)));
		TestClient operator = TestClient.signedIn(port, "operator");
		String line = JsonPath.read(operator.getJson("/api/v1/work-orders/" + order).body(), "$.lines[0].id");
		List<Host> hosts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String tag = UUID.randomUUID().toString().substring(0, 6);
			String ip = "10.88." + (int) (Math.random() * 250) + "." + (int) (1 + Math.random() * 250);
			HttpResponse<String> recorded = operator.postJson(
					"/api/v1/work-orders/" + order + "/lines/" + line + "/instances",
					"{\"name\":\"app-" + tag + "\",\"ipAddresses\":[\"" + ip + "\"],\"cloudInstanceId\":\"i-" + tag
							+ "\",\"zone\":\"宜兴一区\",\"spec\":{\"vcpu\":8,\"memoryGib\":32,\"systemDiskGib\":100,"
							+ "\"os\":\"麒麟 Kylin\"}}");
			assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
			hosts.add(new Host(UUID.fromString(JsonPath.read(recorded.body(), "$.id")), "app-" + tag, ip));
		}
		assertThat(operator.postJson("/api/v1/work-orders/" + order + "/complete", "{}").statusCode()).isEqualTo(200);
		assertThat(approved.unit().postJson("/api/v1/work-orders/" + order + "/accept", "{}").statusCode())
			.isEqualTo(200);
		context.getBean(InstanceMatcher.class).refresh();
		HttpResponse<String> issued = TestClient.signedIn(port, "manager")
			.postJson("/api/v1/metering/credentials", "{\"supplierId\":\"" + supplier + "\",\"label\":\"监控\"}");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		return new MeteredHosts(port, JsonPath.read(issued.body(), "$.token"), approved, hosts);
	}

	public List<Host> hosts() {
		return this.hosts;
	}

	public String systemId() {
		return this.approved.systemId();
	}

	/**
	 * Sends one remote-write 1.0 request: for each host, {@code metric} (a GovCloud gauge
	 * name, e.g. {@code govcloud_cpu_utilisation_ratio}) every minute from
	 * {@code startMillis} for {@code minutes}, the i-th host at {@code values[i]}.
	 */
	public int write(String metric, long startMillis, int minutes, double... values) {
		List<RemoteWriteEncoder.Series> series = new ArrayList<>();
		for (int i = 0; i < this.hosts.size(); i++) {
			RemoteWriteEncoder.Series one = RemoteWriteEncoder.Series.of("__name__", metric, "instance",
					this.hosts.get(i).ip() + ":9100", "job", "node");
			for (int m = 0; m < minutes; m++) {
				one.sample(startMillis + m * 60_000L, values[i]);
			}
			series.add(one);
		}
		byte[] body = RemoteWriteEncoder.snappy(RemoteWriteEncoder.v1(series));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/write"))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/x-protobuf")
			.header("Content-Encoding", "snappy")
			.header("X-Prometheus-Remote-Write-Version", "0.1.0")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An accepted host: its inventory id, name and IP address. */
	public record Host(UUID id, String name, String ip) {
	}

}
