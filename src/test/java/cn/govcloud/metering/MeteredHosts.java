package cn.govcloud.metering;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.govcloud.Scenarios;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hosts of the demo unit that the demo supplier has provisioned and the unit accepted
 * (through the API), an ingest credential for the supplier, remote-write requests
 * carrying their utilisation and the rollup that makes it readable: what a test needs
 * before it can look at a chart.
 */
public final class MeteredHosts {

	private final ApplicationContext context;

	private final MeteringFixtures fixtures;

	private final String token;

	private final String systemId;

	private final List<Host> hosts;

	private MeteredHosts(ApplicationContext context, MeteringFixtures fixtures, String token, String systemId,
			List<Host> hosts) {
		this.context = context;
		this.fixtures = fixtures;
		this.token = token;
		this.systemId = systemId;
		this.hosts = hosts;
	}

	/**
	 * {@code count} hosts accepted by {@code unitadmin}, each with its own IP, known to
	 * metering's instance matcher at once (it reloads every 30 s on its own).
	 */
	public static MeteredHosts provision(int port, ApplicationContext context, int count) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		UUID supplier = Scenarios.demoSupplier(jdbc);
		Scenarios.Accepted accepted = Scenarios.acceptedHosts(port, jdbc, supplier, count);
		List<Host> hosts = new ArrayList<>();
		for (String id : accepted.instanceIds()) {
			hosts.add(jdbc.sql("""
					SELECT i.id, i.name, host(a.address) FROM instance i JOIN instance_address a ON a.instance_id = i.id
					WHERE i.id = :id
					""")
				.param("id", UUID.fromString(id))
				.query((rs, n) -> new Host(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
				.single());
		}
		context.getBean(InstanceMatcher.class).refresh();
		MeteringFixtures fixtures = new MeteringFixtures(jdbc, port);
		return new MeteredHosts(context, fixtures, fixtures.credential(supplier), accepted.systemId(), hosts);
	}

	public List<Host> hosts() {
		return this.hosts;
	}

	public String systemId() {
		return this.systemId;
	}

	/**
	 * Sends one remote-write 1.0 request: for each host, {@code metric} (a GovCloud gauge
	 * name, e.g. {@code govcloud_cpu_utilisation_ratio}) every minute from
	 * {@code startMillis} for {@code minutes}, the i-th host at {@code values[i]}; then
	 * runs the rollup consumer (tests run it themselves) until nothing is left.
	 * @return the answer's status
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
		HttpResponse<String> written = this.fixtures.write(this.token, series);
		RollupConsumer consumer = this.context.getBean(RollupConsumer.class);
		while (consumer.consume(Duration.ZERO) > 0) {
			// merge until no batch is left
		}
		return written.statusCode();
	}

	/**
	 * The unit's summary of {@code metric} over the hosts' system since {@code since}.
	 */
	public List<?> summary(String metric, java.time.Instant since) {
		TestClient unit = TestClient.signedIn(this.fixtures.port(), "unitadmin");
		String path = "/api/v1/metering/utilisation?metric=" + metric + "&systemId=" + this.systemId + "&from=" + since
				+ "&to=" + java.time.Instant.now().plusSeconds(1);
		HttpResponse<String> found = unit.getJson(path);
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		return JsonPath.read(found.body(), "$");
	}

	/** An accepted host: its inventory id, name and IP address. */
	public record Host(UUID id, String name, String ip) {
	}

}
