package cn.govcloud.metering;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.metering.MeteringFixtures.Host;
import cn.govcloud.metering.RemoteWriteEncoder.Series;
import cn.govcloud.shared.DataScopes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History written in bulk is what ingest and the consumer write: the same 5-minute
 * averages sent by remote write for one host and loaded through
 * {@link UtilisationHistory} for another give identical 5-minute, hourly and daily rows,
 * the consumer afterwards leaves the loaded rows alone, and the readers show them.
 */
@GovCloudIntegrationTest
class UtilisationHistoryIntegrationTests {

	private static final int POINTS = 52 * 12;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InstanceMatcher matcher;

	@Autowired
	RollupConsumer consumer;

	@Autowired
	UtilisationHistory history;

	@Autowired
	Utilisation utilisation;

	@Autowired
	UtilisationTrend trend;

	@Autowired
	DataScopes scopes;

	@Test
	void loadedHistoryIsIdenticalToIngestedAndRolledUp() {
		MeteringFixtures fixtures = new MeteringFixtures(this.jdbc, this.port);
		UUID unit = fixtures.organizationOf("unitadmin");
		UUID supplier = fixtures.newSupplier();
		Host ingested = fixtures.host(unit, supplier);
		Host loaded = fixtures.host(unit, supplier);
		this.matcher.refresh();
		long start = RollupMath.bucket(System.currentTimeMillis()) - (POINTS - 1) * RollupMath.FIVE_MINUTES_MS;
		List<UtilisationHistory.Series> series = List.of(series(loaded, Metric.CPU, "", start, 64),
				series(loaded, Metric.DISK, "/data", start, 32),
				series(loaded, Metric.NET_IN, "eth0", start, 1.0 / 1024));
		assertThat(fixtures.write(fixtures.credential(supplier), remoteWrite(ingested, series)).statusCode())
			.isEqualTo(204);
		while (this.consumer.consume(Duration.ZERO) > 0) {
			// drain
		}
		this.consumer.seal(Instant.now());

		this.history.load(series.iterator());

		for (String table : List.of("metering_5m", "metering_5m_day", "metering_1h_day", "metering_1d_month")) {
			assertThat(rows(table, loaded.id())).as(table).isNotEmpty().isEqualTo(rows(table, ingested.id()));
		}
		assertThat(rows("metering_1d_month", loaded.id())).as("at least one whole city day").isNotEmpty();
		List<String> versions = versions(loaded.id());
		this.consumer.seal(Instant.now());
		assertThat(versions(loaded.id())).as("the consumer rewrites none of them").isEqualTo(versions);
		Instant from = Instant.ofEpochMilli(start);
		Instant to = Instant.now().plus(Duration.ofMinutes(5));
		assertThat(this.utilisation.series(commission(), loaded.id(), Metric.DISK, from, to))
			.isEqualTo(this.utilisation.series(commission(), ingested.id(), Metric.DISK, from, to))
			.hasSizeGreaterThan(40);
		assertThat(
				this.utilisation.summary(commission(), new UtilisationFilter(null, null, loaded.id(), null), from, to))
			.extracting(InstanceUtilisation::metric, InstanceUtilisation::avg, InstanceUtilisation::p95)
			.isEqualTo(this.utilisation
				.summary(commission(), new UtilisationFilter(null, null, ingested.id(), null), from, to)
				.stream()
				.map((row) -> org.assertj.core.groups.Tuple.tuple(row.metric(), row.avg(), row.p95()))
				.toList());
		assertThat(this.trend.trend(commission(), new UtilisationFilter(null, loaded.systemId(), null, null),
				Metric.NET_IN, from, to))
			.isEqualTo(this.trend.trend(commission(), new UtilisationFilter(null, ingested.systemId(), null, null),
					Metric.NET_IN, from, to))
			.isNotEmpty();
	}

	/** Dyadic values (exact in any summation order), with holes. */
	private static UtilisationHistory.Series series(Host host, Metric metric, String dimension, long start,
			double scale) {
		double[] values = new double[POINTS];
		for (int i = 0; i < POINTS; i++) {
			values[i] = (i % 37 == 5) ? Double.NaN
					: ((i * 7 + dimension.length()) % (metric.ratio() ? 65 : 400)) / scale;
		}
		return new UtilisationHistory.Series(host.id(), metric, dimension, Instant.ofEpochMilli(start), values);
	}

	private static List<Series> remoteWrite(Host host, List<UtilisationHistory.Series> history) {
		List<Series> series = new ArrayList<>();
		for (UtilisationHistory.Series one : history) {
			Series out = switch (one.metric()) {
				case CPU -> Series.of("__name__", "govcloud_cpu_utilisation_ratio", "instance", host.ip());
				case DISK -> Series.of("__name__", "govcloud_disk_utilisation_ratio", "instance", host.ip(),
						"mountpoint", one.dimension());
				default -> Series.of("__name__", "govcloud_network_receive_bits_per_second", "device", one.dimension(),
						"instance", host.ip());
			};
			double[] values = one.fiveMinuteAverages();
			for (int i = 0; i < values.length; i++) {
				if (!Double.isNaN(values[i])) {
					out.sample(one.start().toEpochMilli() + i * RollupMath.FIVE_MINUTES_MS, values[i]);
				}
			}
			series.add(out);
		}
		return series;
	}

	private List<String> rows(String table, UUID instance) {
		return this.jdbc
			.sql("SELECT (t.*)::text FROM " + table + " t WHERE instance_id = :id ORDER BY metric, dimension, bucket")
			.param("id", instance)
			.query(String.class)
			.list()
			.stream()
			.map((row) -> row.replace(instance.toString(), "*"))
			.toList();
	}

	private List<String> versions(UUID instance) {
		return this.jdbc.sql("""
				SELECT xmin::text || ctid::text FROM metering_5m WHERE instance_id = :id
				UNION ALL SELECT xmin::text || ctid::text FROM metering_5m_day WHERE instance_id = :id
				UNION ALL SELECT xmin::text || ctid::text FROM metering_1h_day WHERE instance_id = :id
				UNION ALL SELECT xmin::text || ctid::text FROM metering_1d_month WHERE instance_id = :id
				""").param("id", instance).query(String.class).list();
	}

	private cn.govcloud.shared.DataScope commission() {
		return new MeteringFixtures(this.jdbc, this.port).scope(this.scopes, "manager");
	}

}
