package cn.govcloud.metering;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.metering.MeteringFixtures.Host;
import cn.govcloud.metering.RemoteWriteEncoder.Series;
import cn.govcloud.shared.DataScopes;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * History written in bulk is what ingest and the consumer write: the same 5-minute
 * averages sent by remote write for one host and loaded through
 * {@link UtilisationHistory} for another give identical 5-minute, hourly and daily rows,
 * the consumer afterwards leaves the loaded rows alone, and the readers show them.
 */
@GovCloudIntegrationTest
class UtilisationHistoryIntegrationTests {

	private static final int POINTS = 52 * 12;

	/** Trend points equal up to rounding: avg and max within 10⁻⁹. */
	private static final RecursiveComparisonConfiguration NEAR = RecursiveComparisonConfiguration.builder()
		.withComparatorForType((Double a, Double b) -> (Math.abs(a - b) < 1e-9) ? 0 : Double.compare(a, b),
				Double.class)
		.build();

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
	OpenHourTrend openHours;

	@Autowired
	TrendAggregates trendAggregates;

	@Autowired
	Utilisation utilisation;

	@Autowired
	UtilisationTrend trend;

	@Autowired
	DataScopes scopes;

	@Test
	void loadedHistoryIsIdenticalToIngestedAndRolledUp() {
		// The open UTC day's finished hours are packed (ADR 0041) once an hour has ended
		// OpenHourTrend.GRACE ago; at 00:30 UTC there would be none to pack and compare.
		// So the test runs at noon UTC yesterday, whatever the time, and forgets open
		// hours aggregated after it.
		Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofHours(12));
		this.openHours.reopen();
		MeteringFixtures fixtures = new MeteringFixtures(this.jdbc, this.port);
		UUID unit = fixtures.organizationOf("unitadmin");
		UUID supplier = fixtures.newSupplier();
		Host ingested = fixtures.host(unit, supplier);
		// a supplier each: the trend aggregates of the two paths are compared group by
		// group
		UUID bulkSupplier = fixtures.newSupplier();
		Host loaded = fixtures.host(unit, bulkSupplier);
		this.matcher.refresh();
		long start = RollupMath.bucket(now.toEpochMilli()) - (POINTS - 1) * RollupMath.FIVE_MINUTES_MS;
		List<UtilisationHistory.Series> series = List.of(series(loaded, Metric.CPU, "", start, 64),
				series(loaded, Metric.DISK, "/data", start, 64),
				series(loaded, Metric.NET_IN, "eth0", start, 1.0 / 1024));
		assertThat(fixtures.write(fixtures.credential(supplier), remoteWrite(ingested, series)).statusCode())
			.isEqualTo(204);
		while (this.consumer.consume(Duration.ZERO) > 0) {
			// drain
		}
		this.consumer.seal(now);
		Instant from = Instant.ofEpochMilli(start);
		Instant to = now.plus(Duration.ofMinutes(5));
		List<UtilisationPoint> unpacked = this.utilisation.series(commission(), ingested.id(), Metric.DISK, from, to);
		List<InstanceUtilisation> unpackedSummary = this.utilisation.summary(commission(),
				new UtilisationFilter(null, null, ingested.id(), null), from, to);
		// the open day's finished hours packed (ADR 0041), as the bulk load writes them
		assertThat(this.openHours.aggregate(now)).as("open hours aggregated and packed").isPositive();
		assertThat(rows("metering_5m_hour", ingested.id())).as("packed hours").isNotEmpty();
		List<UtilisationPoint> packed = this.utilisation.series(commission(), ingested.id(), Metric.DISK, from, to);
		assertThat(packed).as("the packed hours' points: the cells'")
			.extracting(UtilisationPoint::at, UtilisationPoint::samples)
			.isEqualTo(unpacked.stream().map((p) -> org.assertj.core.groups.Tuple.tuple(p.at(), p.samples())).toList());
		for (int i = 0; i < packed.size(); i++) {
			assertThat(packed.get(i).avg()).as("to the code (ADR 0038)")
				.isCloseTo(unpacked.get(i).avg(), within(1 / 60_000.0));
		}
		List<InstanceUtilisation> packedSummary = this.utilisation.summary(commission(),
				new UtilisationFilter(null, null, ingested.id(), null), from, to);
		assertThat(packedSummary).hasSameSizeAs(unpackedSummary).hasSizeGreaterThan(2);
		for (int i = 0; i < packedSummary.size(); i++) {
			InstanceUtilisation a = packedSummary.get(i);
			InstanceUtilisation b = unpackedSummary.get(i);
			double code = a.metric().ratio() ? 1 / 60_000.0 : (1 + b.max()) * 0.0005001;
			assertThat(a.samples()).isEqualTo(b.samples());
			assertThat(a.avg()).as("%s avg", a.metric()).isCloseTo(b.avg(), within(code));
			assertThat(a.p95()).as("%s p95", a.metric()).isCloseTo(b.p95(), within(code));
			assertThat(a.max()).as("%s max", a.metric()).isCloseTo(b.max(), within(code));
		}

		this.history.load(series.iterator(), now);

		for (String table : List.of("metering_5m", "metering_5m_hour", "metering_5m_day", "metering_1h_month",
				"metering_1d_month")) {
			assertThat(rows(table, loaded.id())).as(table).isNotEmpty().isEqualTo(rows(table, ingested.id()));
		}
		assertThat(rows("metering_1d_month", loaded.id())).as("at least one whole city day").isNotEmpty();
		List<String> versions = versions(loaded.id());
		this.consumer.seal(now);
		assertThat(versions(loaded.id())).as("the consumer rewrites none of them").isEqualTo(versions);
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
		assertThat(trendRows(bulkSupplier)).as("trend aggregates (ADR 0035)")
			.isNotEmpty()
			.isEqualTo(trendRows(supplier));
		// codes (ADR 0038) are not dyadic: sums in another order differ in the last bits
		assertThat(rounded(GroupTrend.read(this.jdbc, new GroupTrend.Group("S", bulkSupplier),
				new UUID[] { loaded.id() }, Metric.DISK, from, to)))
			.as("a group's trend from its aggregates and open cells = from its instances' points")
			.isEqualTo(rounded(UtilisationTrend.points(this.jdbc, new UUID[] { loaded.id() }, Metric.DISK, from, to,
					Resolution.HOUR)))
			.hasSizeGreaterThan(40);
		assertThat(this.openHours.aggregate(now)).as("open hours aggregated").isPositive();
		assertThat(this.jdbc.sql("SELECT count(*) FROM metering_trend_open WHERE owner = :owner")
			.param("owner", bulkSupplier)
			.query(Long.class)
			.single()).as("the supplier's open hours").isPositive();
		for (Metric metric : List.of(Metric.CPU, Metric.DISK, Metric.NET_IN)) {
			// equal up to the last bit of a double: the packed hours' codes are decoded
			// and
			// added in another order by the two paths
			assertThat(GroupTrend.read(this.jdbc, new GroupTrend.Group("S", bulkSupplier), new UUID[] { loaded.id() },
					metric, from, to))
				.as("%s: aggregates, open hours' aggregates and the last cells = the instances' points", metric)
				.usingRecursiveFieldByFieldElementComparator(NEAR)
				.isEqualTo(UtilisationTrend.points(this.jdbc, new UUID[] { loaded.id() }, metric, from, to,
						Resolution.HOUR));
		}
		// a group larger than the tail limit ends at its last aggregated hour
		Instant aggregated = this.jdbc.sql("SELECT max(hour) + interval '1 hour' FROM metering_trend_open_hour")
			.query(Timestamp.class)
			.single()
			.toInstant();
		assertThat(GroupTrend.read(this.jdbc, new GroupTrend.Group("S", bulkSupplier), new UUID[] { loaded.id() },
				Metric.CPU, from, to, 0))
			.isNotEmpty()
			.usingRecursiveFieldByFieldElementComparator(NEAR)
			.isEqualTo(UtilisationTrend
				.points(this.jdbc, new UUID[] { loaded.id() }, Metric.CPU, from, to, Resolution.HOUR)
				.stream()
				.filter((point) -> point.at().isBefore(aggregated))
				.toList());
		// the trend reads those aggregates: a changed one shows, aggregated again it is
		// right
		Instant hour = this.jdbc
			.sql("SELECT min(hour) FROM metering_trend_open WHERE owner = :owner AND metric = :metric")
			.param("owner", bulkSupplier)
			.param("metric", Metric.NET_IN.code())
			.query(Timestamp.class)
			.single()
			.toInstant();
		this.jdbc.sql("UPDATE metering_trend_open SET total = total + 1000 WHERE owner = :owner AND metric = :metric")
			.param("owner", bulkSupplier)
			.param("metric", Metric.NET_IN.code())
			.update();
		assertThat(GroupTrend.read(this.jdbc, new GroupTrend.Group("S", bulkSupplier), new UUID[] { loaded.id() },
				Metric.NET_IN, hour, hour.plus(Duration.ofHours(1))))
			.singleElement()
			.satisfies((point) -> assertThat(point.avg()).isCloseTo(
					UtilisationTrend
						.points(this.jdbc, new UUID[] { loaded.id() }, Metric.NET_IN, hour,
								hour.plus(Duration.ofHours(1)), Resolution.HOUR)
						.get(0)
						.avg() + 1000,
					within(1e-6)));
		this.openHours.reopen();
		this.openHours.aggregate(now);
		assertThat(GroupTrend.read(this.jdbc, new GroupTrend.Group("S", bulkSupplier), new UUID[] { loaded.id() },
				Metric.NET_IN, from, to))
			.usingRecursiveFieldByFieldElementComparator(NEAR)
			.isEqualTo(UtilisationTrend.points(this.jdbc, new UUID[] { loaded.id() }, Metric.NET_IN, from, to,
					Resolution.HOUR));
		checkDiskAggregatesByHand(bulkSupplier, series.get(1));
		assertThat(this.trend.trend(commission(), new UtilisationFilter(null, loaded.systemId(), null, null),
				Metric.NET_IN, from, to))
			.isEqualTo(this.trend.trend(commission(), new UtilisationFilter(null, ingested.systemId(), null, null),
					Metric.NET_IN, from, to))
			.isNotEmpty();
	}

	@Test
	void trendAggregatesAddedUpInJavaByTheLoadAreThoseSqlAddsUpFromTheHourlyRows() {
		MeteringFixtures fixtures = new MeteringFixtures(this.jdbc, this.port);
		UUID unit = fixtures.organizationOf("unitadmin");
		UUID first = fixtures.newSupplier();
		UUID second = fixtures.newSupplier();
		List<Host> hosts = List.of(fixtures.host(unit, first), fixtures.host(unit, first), fixtures.host(unit, second));
		long start = RollupMath.bucket(System.currentTimeMillis()) - 4 * 288 * RollupMath.FIVE_MINUTES_MS;
		java.util.Random random = new java.util.Random(45);
		List<UtilisationHistory.Series> series = new ArrayList<>();
		for (Host host : hosts) {
			series.add(noisy(host, Metric.CPU, "", start, random));
			series.add(noisy(host, Metric.DISK, "/", start, random));
			// escaped in COPY text, written as it is in binary COPY
			series.add(noisy(host, Metric.DISK, "C:\\data\tx", start, random));
			series.add(noisy(host, Metric.NET_IN, "eth0", start, random));
			series.add(noisy(host, Metric.NET_IN, "eth1", start, random));
		}
		this.history.load(series.iterator());
		assertThat(this.jdbc.sql("SELECT DISTINCT dimension FROM metering_5m_day WHERE instance_id = :id ORDER BY 1")
			.param("id", hosts.get(0).id())
			.query(String.class)
			.list()).containsExactlyInAnyOrder("", "/", "C:\\data\tx", "eth0", "eth1");
		List<Object[]> loaded = trendRows(unit, first, second);
		assertThat(loaded).as("packed days of 4 metrics of the city, the unit and 2 suppliers").hasSizeGreaterThan(40);
		loaded.stream().map((row) -> (Instant) row[3]).distinct().forEach(this.trendAggregates::rebuild);
		List<Object[]> rebuilt = trendRows(unit, first, second);
		assertThat(rebuilt).hasSameSizeAs(loaded);
		for (int i = 0; i < loaded.size(); i++) {
			Object[] a = loaded.get(i);
			Object[] b = rebuilt.get(i);
			assertThat(java.util.Arrays.copyOf(a, 4)).isEqualTo(java.util.Arrays.copyOf(b, 4));
			assertThat(a[5]).as("rows").isEqualTo(b[5]);
			assertThat(a[6]).as("max").isEqualTo(b[6]);
			assertThat(a[7]).as("instances").isEqualTo(b[7]);
			double[] total = (double[]) a[4];
			double[] sql = (double[]) b[4];
			for (int h = 0; h < total.length; h++) {
				// decoded codes added in another order: equal up to the last bits
				assertThat(total[h]).as("total %s hour %d", java.util.Arrays.asList(a).subList(0, 4), h)
					.isCloseTo(sql[h], within(Math.abs(sql[h]) * 1e-12));
			}
		}
	}

	/** The city's, the unit's and the suppliers' rows of metering_trend_1h, in order. */
	private List<Object[]> trendRows(UUID unit, UUID first, UUID second) {
		return this.jdbc.sql("""
				SELECT scope, owner, metric, bucket, total, rows, max, instances FROM metering_trend_1h
				WHERE owner IN (:city, :unit, :first, :second) AND bucket >= now() - interval '6 days'
				ORDER BY scope, owner, metric, bucket
				""")
			.param("city", TrendAggregates.CITY)
			.param("unit", unit)
			.param("first", first)
			.param("second", second)
			.query((rs,
					n) -> new Object[] { rs.getString(1), rs.getObject(2, UUID.class), rs.getShort(3),
							rs.getTimestamp(4).toInstant(),
							java.util.Arrays.stream((Double[]) rs.getArray(5).getArray())
								.mapToDouble(Double::doubleValue)
								.toArray(),
							java.util.Arrays.asList((Integer[]) rs.getArray(6).getArray()),
							java.util.Arrays.asList((Double[]) rs.getArray(7).getArray()),
							java.util.Arrays.asList((Integer[]) rs.getArray(8).getArray()) })
			.list();
	}

	/** Values of no pattern (sums depend on their order), with holes. */
	private static UtilisationHistory.Series noisy(Host host, Metric metric, String dimension, long start,
			java.util.Random random) {
		double[] values = new double[4 * 288];
		for (int i = 0; i < values.length; i++) {
			values[i] = (random.nextInt(20) == 0) ? Double.NaN : random.nextDouble() * (metric.ratio() ? 1 : 1e8);
		}
		return new UtilisationHistory.Series(host.id(), metric, dimension, Instant.ofEpochMilli(start), values);
	}

	private static List<String> rounded(List<TrendPoint> points) {
		return points.stream()
			.map((p) -> "%s %.12f %.12f %d".formatted(p.at(), p.avg(), p.max(), p.instances()))
			.toList();
	}

	/** Dyadic values (exact in any summation order before they are coded), with holes. */
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

	/**
	 * Each packed hour of the one disk series: its average, one row, its highest value.
	 */
	private void checkDiskAggregatesByHand(UUID owner, UtilisationHistory.Series disk) {
		Map<Long, List<Double>> hours = new TreeMap<>();
		double[] values = disk.fiveMinuteAverages();
		for (int i = 0; i < values.length; i++) {
			if (!Double.isNaN(values[i])) {
				long ts = disk.start().toEpochMilli() + i * RollupMath.FIVE_MINUTES_MS;
				hours.computeIfAbsent(ts - Math.floorMod(ts, 3_600_000L), (h) -> new ArrayList<>()).add(values[i]);
			}
		}
		List<Object[]> aggregates = this.jdbc
			.sql("""
					SELECT t.bucket + (u.n - 1) * interval '1 hour', u.total, u.rows, u.x, u.i FROM metering_trend_1h t
					CROSS JOIN LATERAL unnest(t.total, t.rows, t.max, t.instances) WITH ORDINALITY AS u(total, rows, x, i, n)
					WHERE t.scope = 'S' AND t.owner = :owner AND t.metric = 2 AND u.rows > 0""")
			.param("owner", owner)
			.query((rs,
					n) -> new Object[] { rs.getTimestamp(1).getTime(), rs.getDouble(2), rs.getInt(3), rs.getDouble(4),
							rs.getInt(5) })
			.list();
		assertThat(aggregates).as("packed hours of the disk").hasSizeGreaterThan(10);
		for (Object[] hour : aggregates) {
			List<Double> points = hours.get((Long) hour[0]);
			double average = points.stream().mapToDouble(Double::doubleValue).sum() / points.size();
			assertThat(hour).as("hour %s", java.time.Instant.ofEpochMilli((Long) hour[0]))
				.containsExactly(hour[0], coded(average), 1,
						coded(points.stream().mapToDouble(Double::doubleValue).max().orElseThrow()), 1);
		}
	}

	/** A disk ratio as its 16-bit code tells (ADR 0038). */
	private static double coded(double ratio) {
		return DaySketch.decode(Metric.DISK, DaySketch.code(Metric.DISK, ratio));
	}

	private List<String> trendRows(UUID owner) {
		return this.jdbc
			.sql("SELECT metric, bucket, total, rows, max, instances FROM metering_trend_1h WHERE owner = :owner "
					+ "ORDER BY scope, metric, bucket")
			.param("owner", owner)
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4)
					+ " " + rs.getString(5) + " " + rs.getString(6))
			.list();
	}

	private List<String> versions(UUID instance) {
		return this.jdbc.sql("""
				SELECT xmin::text || ctid::text FROM metering_5m WHERE instance_id = :id
				UNION ALL SELECT xmin::text || ctid::text FROM metering_5m_hour WHERE instance_id = :id
				UNION ALL SELECT xmin::text || ctid::text FROM metering_5m_day WHERE instance_id = :id
				UNION ALL SELECT xmin::text || ctid::text FROM metering_1h_month WHERE instance_id = :id
				UNION ALL SELECT xmin::text || ctid::text FROM metering_1d_month WHERE instance_id = :id
				""").param("id", instance).query(String.class).list();
	}

	private cn.govcloud.shared.DataScope commission() {
		return new MeteringFixtures(this.jdbc, this.port).scope(this.scopes, "manager");
	}

}
