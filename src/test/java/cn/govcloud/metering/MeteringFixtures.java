package cn.govcloud.metering;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances, suppliers and ingest credentials for metering tests, and a remote-write
 * sender. Instances are inserted as an import would (no work order), which the schema
 * allows, and left provisioning (they match, and the consistency check of other tests on
 * the shared database does not see an active instance without a contract line).
 */
final class MeteringFixtures {

	static final String V1 = "application/x-protobuf";

	static final String V2 = "application/x-protobuf;proto=io.prometheus.write.v2.Request";

	private static final HttpClient http = HttpClient.newHttpClient();

	private final JdbcClient jdbc;

	private final int port;

	MeteringFixtures(JdbcClient jdbc, int port) {
		this.jdbc = jdbc;
		this.port = port;
	}

	int port() {
		return this.port;
	}

	record Host(UUID id, UUID unitId, UUID supplierId, UUID systemId, String name, String ip, String cloudId) {
	}

	UUID organizationOf(String username) {
		return this.jdbc.sql("SELECT organization_id FROM app_user WHERE username = :u")
			.param("u", username)
			.query(UUID.class)
			.single();
	}

	UUID newSupplier() {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO organization (id, kind, name, created_at) VALUES (:id, 'SUPPLIER', :name, now())")
			.param("id", id)
			.param("name", "另一供应商 " + id.toString().substring(0, 8))
			.update();
		return id;
	}

	Host host(UUID unit, UUID supplier) {
		UUID system = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO application_system (id, unit_id, name, purpose, hosting_status, created_at, updated_at)
				VALUES (:id, :unit, :name, '测试', 'ON_PLATFORM', now(), now())
				""").param("id", system).param("unit", unit).param("name", "监测 " + system).update();
		UUID id = UUID.randomUUID();
		int n = (int) (Math.random() * 16_000_000);
		String ip = "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
		String name = "host-" + id.toString().substring(0, 8);
		this.jdbc
			.sql("""
					INSERT INTO instance (id, unit_id, supplier_id, system_id, kind_code, name, cloud_instance_id, spec, zone,
					                      state, active_from, created_at)
					VALUES (:id, :unit, :supplier, :system, 'CLOUD_HOST', :name, :cloud, '{}'::jsonb, '一区', 'PROVISIONING', NULL,
					        now())
					""")
			.param("id", id)
			.param("unit", unit)
			.param("supplier", supplier)
			.param("system", system)
			.param("name", name)
			.param("cloud", "i-" + id)
			.update();
		this.jdbc.sql("INSERT INTO instance_address (instance_id, supplier_id, address) VALUES (:id, :s, :ip::inet)")
			.param("id", id)
			.param("s", supplier)
			.param("ip", ip)
			.update();
		return new Host(id, unit, supplier, system, name, ip, "i-" + id);
	}

	/** The data scope of a demo account, as its sign-in would give it. */
	cn.govcloud.shared.DataScope scope(cn.govcloud.shared.DataScopes scopes, String username) {
		cn.govcloud.shared.GovCloudPrincipal principal = this.jdbc.sql("""
				SELECT u.id, u.username, o.id AS org, o.name, o.kind FROM app_user u
				JOIN organization o ON o.id = u.organization_id WHERE u.username = :u
				""")
			.param("u", username)
			.query((rs, n) -> new cn.govcloud.shared.GovCloudPrincipal(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
					cn.govcloud.shared.OrganizationKind.valueOf(rs.getString(5)), java.util.Set.of(), false))
			.single();
		return scopes.of(principal);
	}

	/** An ingest credential the Commission's manager issues; its token. */
	String credential(UUID supplier) {
		HttpResponse<String> issued = TestClient.signedIn(this.port, "manager")
			.postJson("/api/v1/metering/credentials", "{\"supplierId\":\"" + supplier + "\",\"label\":\"Prometheus\"}");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		return JsonPath.read(issued.body(), "$.token");
	}

	HttpResponse<String> write(String token, List<RemoteWriteEncoder.Series> series) {
		return send("Bearer " + token, V1, "snappy", RemoteWriteEncoder.snappy(RemoteWriteEncoder.v1(series)));
	}

	HttpResponse<String> send(String authorization, String contentType, String encoding, byte[] body) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/write"))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.header("X-Prometheus-Remote-Write-Version", "0.1.0");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (encoding != null) {
			request.header("Content-Encoding", encoding);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** node_exporter-like series of one host at {@code ts}. */
	static List<RemoteWriteEncoder.Series> node(String instanceLabel, long ts, double idle0, double idle1,
			double memAvailable) {
		return List.of(
				RemoteWriteEncoder.Series
					.of("__name__", "node_cpu_seconds_total", "cpu", "0", "instance", instanceLabel, "job", "node",
							"mode", "idle")
					.sample(ts, idle0),
				RemoteWriteEncoder.Series
					.of("__name__", "node_cpu_seconds_total", "cpu", "1", "instance", instanceLabel, "job", "node",
							"mode", "idle")
					.sample(ts, idle1),
				RemoteWriteEncoder.Series
					.of("__name__", "node_cpu_seconds_total", "cpu", "0", "instance", instanceLabel, "job", "node",
							"mode", "user")
					.sample(ts, 5),
				RemoteWriteEncoder.Series
					.of("__name__", "node_memory_MemTotal_bytes", "instance", instanceLabel, "job", "node")
					.sample(ts, 32e9),
				RemoteWriteEncoder.Series
					.of("__name__", "node_memory_MemAvailable_bytes", "instance", instanceLabel, "job", "node")
					.sample(ts, memAvailable));
	}

}
