package cn.govcloud.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import cn.govcloud.TestClient;
import cn.govcloud.metering.PeerProcess;
import com.jayway.jsonpath.JsonPath;

/**
 * GovCloud's packaged jar as a separate process ({@code -Xmx} as given, JMX on a loopback
 * port for the heap figures) on a throw-away database of the machine's PostgreSQL, with
 * the demo data, and the benchmark's hosts seeded as inventory instances of the demo
 * supplier.
 */
final class GovCloudUnderTest implements AutoCloseable {

	static final String SUPPLIER = "宜兴政务云服务有限公司";

	private final Path jar;

	private final String heap;

	private final String server;

	private final String database;

	private final Path log;

	private final int port = PeerProcess.freePort();

	private final int jmxPort = PeerProcess.freePort();

	private PeerProcess process;

	private JMXConnector jmx;

	private TestClient manager;

	GovCloudUnderTest(Path jar, String heap, String server, Path log) {
		this.jar = jar;
		this.heap = heap;
		this.server = server;
		this.database = "govcloud_bench_" + System.currentTimeMillis();
		this.log = log;
	}

	String database() {
		return this.database;
	}

	int port() {
		return this.port;
	}

	long pid() {
		return this.process.pid();
	}

	void createDatabase() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.server + "postgres", "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + this.database);
		}
	}

	void dropDatabase() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.server + "postgres", "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)");
		}
	}

	void start() {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + this.heap));
		// extra JVM options; a flight recording, dumped once the consumer has drained
		String options = System.getenv("BENCH_GOVCLOUD_JAVA_OPTS");
		if (options != null && !options.isBlank()) {
			command.addAll(List.of(options.strip().split("\\s+")));
		}
		if (jfr() != null) {
			command.add("-XX:StartFlightRecording=name=bench,settings=profile");
		}
		command.addAll(List.of("-Dcom.sun.management.jmxremote.port=" + this.jmxPort,
				"-Dcom.sun.management.jmxremote.rmi.port=" + this.jmxPort,
				"-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
				"-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1", "-jar",
				this.jar.toString()));
		Map<String, String> environment = Map.of("GOVCLOUD_DB_URL", this.server + this.database, "GOVCLOUD_DB_USER",
				"postgres", "GOVCLOUD_DB_PASSWORD", "", "GOVCLOUD_DEMO_DATA", "true", "GOVCLOUD_PORT",
				String.valueOf(this.port), "GOVCLOUD_SECURITY_TWOFACTOR_REQUIREDROLES", "");
		this.process = PeerProcess.start("GovCloud", command, environment, this.log);
		this.process.awaitHttp("http://127.0.0.1:" + this.port + "/actuator/health", Duration.ofMinutes(3));
		this.jmx = null;
		this.manager = null;
	}

	/**
	 * {@code BENCH_GOVCLOUD_JFR}: where to write a flight recording of the run, or null.
	 */
	static String jfr() {
		String path = System.getenv("BENCH_GOVCLOUD_JFR");
		return (path != null && !path.isBlank()) ? path : null;
	}

	/** Writes the flight recording (since the last start) to {@link #jfr()}. */
	void dumpRecording() throws IOException, InterruptedException {
		Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(pid()), "JFR.dump", "name=bench", "filename=" + jfr())
			.inheritIO()
			.start();
		dump.waitFor();
	}

	/**
	 * Records {@code hosts} cloud hosts of one system of 宜兴市公安局 with the demo supplier,
	 * host {@code i} at {@link NodeFleet#address(int)}, straight into the inventory
	 * tables (no work order: the consistency check would list them, which does not matter
	 * here).
	 */
	void seed(int hosts) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.server + this.database, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("""
					INSERT INTO application_system (id, unit_id, name, purpose, hosting_status, created_at, updated_at)
					SELECT gen_random_uuid(), id, '采集基准系统', '采集基准 ingest benchmark', 'ON_PLATFORM', now(), now()
					FROM organization WHERE name = '宜兴市公安局'""");
			statement.execute(
					"""
							INSERT INTO instance (id, unit_id, supplier_id, system_id, kind_code, name, cloud_instance_id, spec,
							                      zone, state, active_from, created_at)
							SELECT gen_random_uuid(), s.unit_id, p.id, s.id, 'CLOUD_HOST', 'bench-' || i, 'i-bench-' || i,
							       jsonb_build_object('vcpu', 2 + mod(i, 3), 'memoryGib', 4 * (1 + mod(i, 4)), 'systemDiskGib', 100,
							                          'os', '麒麟 Kylin'),
							       'bench', 'ACTIVE', current_date - 30, now()
							FROM generate_series(0, %d) i,
							     application_system s, organization p
							WHERE s.name = '采集基准系统' AND p.kind = 'SUPPLIER' AND p.name = '%s'"""
						.formatted(hosts - 1, SUPPLIER));
			statement.execute(
					"""
							INSERT INTO instance_address (instance_id, supplier_id, address)
							SELECT id, supplier_id, ('10.' || (n / 62500) || '.' || (n / 250 % 250 + 1) || '.' || (n % 250 + 1))::inet
							FROM (SELECT id, supplier_id, substring(name FROM 7)::int AS n FROM instance WHERE zone = 'bench') h""");
		}
	}

	String supplierId() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.server + this.database, "postgres", "");
				Statement statement = connection.createStatement();
				var rows = statement.executeQuery(
						"SELECT id FROM organization WHERE kind = 'SUPPLIER' AND name = '" + SUPPLIER + "'")) {
			rows.next();
			return rows.getString(1);
		}
	}

	/** An ingest credential for the supplier, issued by the Commission's manager. */
	String credential(String supplierId) {
		HttpResponse<String> issued = manager().postJson("/api/v1/metering/credentials",
				"{\"supplierId\":\"" + supplierId + "\",\"label\":\"ingest benchmark\"}");
		if (issued.statusCode() != 201) {
			throw new IllegalStateException(
					"Issuing an ingest credential: " + issued.statusCode() + " " + issued.body());
		}
		return JsonPath.read(issued.body(), "$.token");
	}

	/** The supplier's metering totals, as the stats API gives them. */
	Map<String, Object> stats(String supplierId) {
		HttpResponse<String> stats = manager().getJson("/api/v1/metering/stats?supplierId=" + supplierId);
		if (stats.statusCode() != 200) {
			throw new IllegalStateException("Metering stats: " + stats.statusCode() + " " + stats.body());
		}
		return JsonPath.read(stats.body(), "$");
	}

	/**
	 * The manager, signed in once per start: a sign-in verifies a slow password hash,
	 * which polling the stats every 0.5 s would otherwise charge to the drain.
	 */
	private TestClient manager() {
		if (this.manager == null) {
			this.manager = TestClient.signedIn(this.port, "manager");
		}
		return this.manager;
	}

	MemoryMXBean memory() throws Exception {
		return ManagementFactory.newPlatformMXBeanProxy(connection(), ManagementFactory.MEMORY_MXBEAN_NAME,
				MemoryMXBean.class);
	}

	/** The heap pools (eden, survivor, old generation). */
	List<MemoryPoolMXBean> heapPools() throws Exception {
		return ManagementFactory.getPlatformMXBeans(connection(), MemoryPoolMXBean.class)
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
	}

	/** Milliseconds the collectors have spent since the start. */
	long gcMillis() throws Exception {
		return ManagementFactory.getPlatformMXBeans(connection(), java.lang.management.GarbageCollectorMXBean.class)
			.stream()
			.mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
			.sum();
	}

	/** CPU nanoseconds the GovCloud process has used. */
	long cpuNanos() throws Exception {
		return ManagementFactory
			.newPlatformMXBeanProxy(connection(), ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
					com.sun.management.OperatingSystemMXBean.class)
			.getProcessCpuTime();
	}

	private MBeanServerConnection connection() throws Exception {
		if (this.jmx == null) {
			this.jmx = JMXConnectorFactory
				.connect(new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + this.jmxPort + "/jmxrmi"));
		}
		return this.jmx.getMBeanServerConnection();
	}

	/** {@code kill -9}: no shutdown hook, no flush. */
	void kill() {
		closeJmx();
		this.process.kill();
	}

	String tail() {
		return this.process.tail();
	}

	@Override
	public void close() {
		closeJmx();
		if (this.process != null) {
			this.process.close();
		}
	}

	private void closeJmx() {
		if (this.jmx != null) {
			try {
				this.jmx.close();
			}
			catch (java.io.IOException ex) {
				// the process is going away anyway
			}
			this.jmx = null;
		}
	}

}
