package cn.govcloud.metering;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import cn.govcloud.metering.MeteringFixtures.Host;
import cn.govcloud.metering.RemoteWriteEncoder.Series;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * From remote write to the charts: the consumer's 5-minute rollups, sealing into hours
 * and days, the reader's scoping (unit, supplier, Commission) and retention by
 * partitions.
 */
@GovCloudIntegrationTest
class MeteringRollupIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InstanceMatcher matcher;

	@Autowired
	RollupConsumer consumer;

	@Autowired
	RetentionJob retention;

	@Autowired
	Partitions partitions;

	@Autowired
	HourPacker hourPacker;

	@Autowired
	RollupWriter writer;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Utilisation utilisation;

	@Autowired
	DataScopes scopes;

	MeteringFixtures fixtures;

	UUID unit;

	UUID supplier;

	@BeforeEach
	void fixtures() {
		this.fixtures = new MeteringFixtures(this.jdbc, this.port);
		this.unit = this.fixtures.organizationOf("unitadmin");
		this.supplier = this.fixtures.newSupplier();
	}

	@Test
	void nodeExporterSamplesBecomeUtilisationThatEachScopeSeesOrNot() {
		Host host = this.fixtures.host(this.unit, this.supplier);
		this.matcher.refresh();
		String token = this.fixtures.credential(this.supplier);
		long t0 = RollupMath.bucket(System.currentTimeMillis() - 20 * 60_000);
		String instance = host.ip() + ":9100";
		for (int i = 0; i < 3; i++) {
			assertThat(this.fixtures
				.write(token, MeteringFixtures.node(instance, t0 + i * 60_000L, 1000 + 54 * i, 2000 + 30 * i, 8e9))
				.statusCode()).isEqualTo(204);
		}
		assertThat(this.consumer.consume(Duration.ZERO)).isPositive();
		assertThat(this.consumer.consume(Duration.ZERO)).as("nothing is merged twice").isZero();
		Instant from = Instant.ofEpochMilli(t0).minus(Duration.ofHours(1));
		Instant to = Instant.ofEpochMilli(t0).plus(Duration.ofHours(1));
		List<UtilisationPoint> cpu = this.utilisation.series(scope("unitadmin"), host.id(), Metric.CPU, from, to);
		assertThat(cpu).hasSize(1);
		assertThat(cpu.get(0).at()).isEqualTo(Instant.ofEpochMilli(t0));
		assertThat(cpu.get(0).avg()).isCloseTo(0.3, within(1e-9));
		assertThat(cpu.get(0).max()).isCloseTo(0.3, within(1e-9));
		List<UtilisationPoint> memory = this.utilisation.series(supplierScope(this.supplier), host.id(), Metric.MEMORY,
				from, to);
		assertThat(memory.get(0).avg()).isCloseTo(0.75, within(1e-9));
		assertThat(memory.get(0).samples()).isEqualTo(3);
		assertThatThrownBy(() -> this.utilisation.series(scope("unitadmin2"), host.id(), Metric.CPU, from, to))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.utilisation.series(supplierScope(this.fixtures.newSupplier()), host.id(),
				Metric.CPU, from, to))
			.isInstanceOf(NotFoundException.class);
		String path = "/api/v1/metering/utilisation?metric=CPU&from=" + from + "&to=" + to;
		String forUnit = TestClient.signedIn(this.port, "unitadmin").getJson(path).body();
		assertThat(JsonPath.<List<String>>read(forUnit, "$[*].instanceId")).contains(host.id().toString());
		assertThat(TestClient.signedIn(this.port, "unitadmin2").getJson(path).body())
			.doesNotContain(host.id().toString());
		assertThat(TestClient.signedIn(this.port, "manager").getJson(path).body()).contains(host.id().toString());
		assertThat(TestClient.signedIn(this.port, "unitadmin2")
			.getJson("/api/v1/metering/instances/" + host.id() + "/utilisation?metric=CPU&from=" + from + "&to=" + to)
			.statusCode()).isEqualTo(404);
		List<InstanceUtilisation> summary = this.utilisation.summary(scope("manager"),
				new UtilisationFilter(null, host.systemId(), null, Metric.CPU), from, to);
		assertThat(summary).singleElement().satisfies((row) -> {
			assertThat(row.avg()).isCloseTo(0.3, within(1e-9));
			assertThat(row.p95()).isCloseTo(0.3, within(1e-9));
		});
	}

	@Test
	void finishedHoursAndDaysAreSealedWithTheirFiveMinuteValues() {
		Host host = this.fixtures.host(this.unit, this.supplier);
		long t0 = cpuRamp(host, 4, 4);
		assertThat(packedCounts(host)).as("packed 5-minute cells").containsExactly(1, 1, 1, 1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM metering_5m WHERE instance_id = :id")
			.param("id", host.id())
			.query(Long.class)
			.single()).as("no unpacked cells left").isZero();
		assertThat(this.jdbc.sql("""
				SELECT c FROM metering_1d_month CROSS JOIN LATERAL unnest(count) AS c WHERE instance_id = :id AND c > 0
				""").param("id", host.id()).query(Integer.class).list())
			.as("sealed city days (month rows, ADR 0035): the four samples in one or two days")
			.hasSizeBetween(1, 2)
			.satisfies((days) -> assertThat(days.stream().mapToInt(Integer::intValue).sum()).isEqualTo(4));
		Instant from = Instant.now().minus(Duration.ofDays(100));
		List<InstanceUtilisation> beyondFiveMinutes = this.utilisation.summary(scope("manager"),
				new UtilisationFilter(null, null, host.id(), Metric.CPU), from, Instant.now().plus(Duration.ofDays(1)));
		assertThat(beyondFiveMinutes).singleElement().satisfies((row) -> {
			assertThat(row.avg()).isCloseTo(0.25, within(1e-6));
			assertThat(row.p95()).as("daily sketches (ADR 0035): the highest rank is kept")
				.isCloseTo(0.4, within(1e-6));
			assertThat(row.max()).isCloseTo(0.4, within(1e-6));
		});
		List<UtilisationPoint> hours = this.utilisation.series(scope("manager"), host.id(), Metric.CPU,
				Instant.ofEpochMilli(t0).minus(Duration.ofDays(3)), Instant.ofEpochMilli(t0).plus(Duration.ofDays(1)));
		assertThat(hours.stream().mapToLong(UtilisationPoint::samples).sum()).as("hourly points from the packed day")
			.isEqualTo(4);
		List<InstanceUtilisation> daily = this.utilisation.summary(scope("manager"),
				new UtilisationFilter(null, null, host.id(), Metric.CPU), Instant.now().minus(Duration.ofDays(800)),
				Instant.now().plus(Duration.ofDays(1)));
		assertThat(daily).singleElement()
			.satisfies((row) -> assertThat(row.p95()).as("daily sketches").isCloseTo(0.4, within(1e-6)));
	}

	@Test
	void aLateSampleOpensItsPackedDayAgainAndThePackerMergesItIntoTheDaysAndTheHoursOfTheMonth() {
		Host host = this.fixtures.host(this.unit, this.supplier);
		long t0 = cpuRamp(host, 5, 3);
		assertThat(packedCounts(host)).as("the day packed again: its packed cells and the late ones")
			.containsExactly(1, 1, 1, 1, 1);
		assertThat(this.jdbc.sql("""
				SELECT sum(u.c) FROM metering_1h_month CROSS JOIN LATERAL unnest(count) AS u(c) WHERE instance_id = :id
				""").param("id", host.id()).query(Long.class).single())
			.as("the hours of the month row (ADR 0038) count every sample once")
			.isEqualTo(5);
		List<InstanceUtilisation> summary = this.utilisation.summary(scope("manager"),
				new UtilisationFilter(null, null, host.id(), Metric.CPU), Instant.now().minus(Duration.ofDays(100)),
				Instant.now().plus(Duration.ofDays(1)));
		assertThat(summary).singleElement().satisfies((row) -> {
			assertThat(row.avg()).as("weighted by samples, to the code").isCloseTo(0.3, within(1 / 60_000.0));
			assertThat(row.max()).isCloseTo(0.5, within(1 / 60_000.0));
		});
		Instant from = Instant.ofEpochMilli(t0).minus(Duration.ofDays(3));
		Instant to = Instant.ofEpochMilli(t0).plus(Duration.ofDays(1));
		List<UtilisationPoint> hours = this.utilisation.series(scope("manager"), host.id(), Metric.CPU, from, to);
		assertThat(hours.stream().mapToLong(UtilisationPoint::samples).sum()).isEqualTo(5);
		assertThat(GroupTrend.read(this.jdbc, new GroupTrend.Group("S", this.supplier), new UUID[] { host.id() },
				Metric.CPU, from, to))
			.as("the trend aggregates rebuilt from the hours")
			.extracting(TrendPoint::at)
			.containsExactlyElementsOf(hours.stream().map(UtilisationPoint::at).toList());
	}

	@Test
	void aFinishedHourOfTheOpenDayIsPackedIntoOneRowPerSeriesAndALateSampleIsAddedToIt() {
		Host host = this.fixtures.host(this.unit, this.supplier);
		this.matcher.refresh();
		String token = this.fixtures.credential(this.supplier);
		Instant hour = Instant.now().minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
		long h = hour.toEpochMilli();
		Series gauge = Series.of("__name__", "govcloud_cpu_utilisation_ratio", "instance", host.ip())
			.sample(h, 0.1)
			.sample(h + 300_000, 0.2)
			.sample(h + 330_000, 0.4)
			.sample(h + 3_300_000, 0.9);
		assertThat(this.fixtures.write(token, List.of(gauge)).statusCode()).isEqualTo(204);
		this.consumer.consume(Duration.ZERO);
		Instant to = hour.plus(Duration.ofHours(1));
		List<UtilisationPoint> before = this.utilisation.series(scope("manager"), host.id(), Metric.CPU, hour, to);
		assertThat(before).extracting(UtilisationPoint::samples).containsExactly(1L, 2L, 1L);

		assertThat(this.hourPacker.pack(hour)).as("instances packed").isPositive();
		assertThat(cells(host, hour)).as("no cell of the hour left").isZero();
		assertThat(this.jdbc.sql("""
				SELECT array_to_string(count, ',') FROM metering_5m_hour WHERE instance_id = :id AND bucket = :hour
				""").param("id", host.id()).param("hour", java.sql.Timestamp.from(hour)).query(String.class).list())
			.as("one row of 12 slots (ADR 0041)")
			.containsExactly("1,2,0,0,0,0,0,0,0,0,0,1");
		List<UtilisationPoint> packed = this.utilisation.series(scope("manager"), host.id(), Metric.CPU, hour, to);
		assertThat(packed).as("the same points")
			.extracting(UtilisationPoint::at, UtilisationPoint::samples)
			.isEqualTo(before.stream()
				.map((point) -> org.assertj.core.groups.Tuple.tuple(point.at(), point.samples()))
				.toList());
		for (int i = 0; i < before.size(); i++) {
			assertThat(packed.get(i).avg()).as("to the 16-bit code")
				.isCloseTo(before.get(i).avg(), within(1 / 60_000.0));
			assertThat(packed.get(i).max()).isCloseTo(before.get(i).max(), within(1 / 60_000.0));
		}

		Series late = Series.of("__name__", "govcloud_cpu_utilisation_ratio", "instance", host.ip())
			.sample(h + 3_310_000, 0.5);
		assertThat(this.fixtures.write(token, List.of(late)).statusCode()).isEqualTo(204);
		this.consumer.consume(Duration.ZERO);
		assertThat(cells(host, hour)).as("a late sample after the hour was packed is a cell").isOne();
		List<InstanceUtilisation> summary = this.utilisation.summary(scope("manager"),
				new UtilisationFilter(null, null, host.id(), Metric.CPU), hour, to);
		assertThat(summary).singleElement().satisfies((row) -> {
			assertThat(row.samples()).as("the packed hour and the late cell, each once").isEqualTo(5);
			assertThat(row.avg()).isCloseTo((0.1 + 0.2 + 0.4 + 0.9 + 0.5) / 5, within(1 / 60_000.0));
			assertThat(row.max()).isCloseTo(0.9, within(1 / 60_000.0));
		});
		this.hourPacker.pack(hour);
		assertThat(cells(host, hour)).isZero();
		assertThat(this.utilisation.series(scope("manager"), host.id(), Metric.CPU, hour, to))
			.as("packed again: the late sample merged into its slot")
			.extracting(UtilisationPoint::samples)
			.containsExactly(1L, 2L, 2L);
		this.consumer.seal(Instant.now().plus(Duration.ofDays(2)));
		assertThat(packedCounts(host)).as("the day packed from its packed hours").containsExactly(1, 2, 2);
		assertThat(this.jdbc.sql("SELECT count(*) FROM metering_5m_hour WHERE instance_id = :id")
			.param("id", host.id())
			.query(Long.class)
			.single()).as("the day's packed hours dropped with it").isZero();
	}

	/**
	 * The consumer adds to a cell of an hour the packer is moving (ADR 0041): whichever
	 * takes the cell's row first, the other waits for it, and every sample counts once.
	 */
	@Test
	void aCellAddedWhileItsHourIsPackedCountsOnceWhicheverTakesTheRowFirst() throws Exception {
		Host host = this.fixtures.host(this.unit, this.supplier);
		this.matcher.refresh();
		Instant hour = Instant.now().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
		Series gauge = Series.of("__name__", "govcloud_cpu_utilisation_ratio", "instance", host.ip())
			.sample(hour.toEpochMilli(), 0.1);
		assertThat(this.fixtures.write(this.fixtures.credential(this.supplier), List.of(gauge)).statusCode())
			.isEqualTo(204);
		this.consumer.consume(Duration.ZERO);
		RollupMath.CellKey key = new RollupMath.CellKey(host.id(), Metric.CPU, "", hour.toEpochMilli());

		Future<?> consumer = whileHeld(() -> this.hourPacker.pack(hour), () -> this.writer.mergeCells(cell(key, 0.3)));
		consumer.get(30, TimeUnit.SECONDS);
		assertThat(cells(host, hour)).as("the packer went first: the addition is a new cell").isOne();
		assertThat(samplesOfTheHour(host, hour)).as("packed and cell, each once").containsExactly(2L);

		Future<?> packer = whileHeld(() -> this.writer.mergeCells(cell(key, 0.5)), () -> this.hourPacker.pack(hour));
		packer.get(30, TimeUnit.SECONDS);
		assertThat(cells(host, hour)).as("the consumer went first: the packer waited and took its addition").isZero();
		assertThat(samplesOfTheHour(host, hour)).containsExactly(3L);
		assertThat(this.utilisation.series(scope("manager"), host.id(), Metric.CPU, hour, hour.plusSeconds(3600)))
			.singleElement()
			.satisfies((point) -> assertThat(point.avg()).isCloseTo((0.1 + 0.3 + 0.5) / 3, within(1 / 60_000.0)));
	}

	/**
	 * Runs {@code first} in a transaction, then {@code second} in another one on a thread
	 * of its own, and commits the first only once the second waits for a row lock.
	 */
	private Future<?> whileHeld(Runnable first, Runnable second) {
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			return this.transactions.execute((status) -> {
				first.run();
				Future<?> waiting = other.submit(() -> this.transactions.executeWithoutResult((s) -> second.run()));
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
				while (this.jdbc
					.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
							+ "AND datname = current_database()")
					.query(Long.class)
					.single() == 0) {
					assertThat(System.nanoTime()).as("the second transaction waits for the first's row lock")
						.isLessThan(deadline);
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
				}
				return waiting;
			});
		}
		finally {
			other.shutdown();
		}
	}

	private static java.util.Map<RollupMath.CellKey, RollupMath.Cell> cell(RollupMath.CellKey key, double value) {
		RollupMath.Cell cell = new RollupMath.Cell();
		cell.add(value, 1);
		return java.util.Map.of(key, cell);
	}

	/**
	 * The hour's points' samples, packed and cells (the test writes only its first 5
	 * minutes).
	 */
	private List<Long> samplesOfTheHour(Host host, Instant hour) {
		return this.utilisation.series(scope("manager"), host.id(), Metric.CPU, hour, hour.plusSeconds(3600))
			.stream()
			.map(UtilisationPoint::samples)
			.toList();
	}

	private long cells(Host host, Instant hour) {
		return this.jdbc
			.sql("""
					SELECT count(*) FROM metering_5m WHERE instance_id = :id AND bucket >= :from AND bucket < CAST(:from AS timestamptz) + interval '1 hour'
					""")
			.param("id", host.id())
			.param("from", java.sql.Timestamp.from(hour))
			.query(Long.class)
			.single();
	}

	@Test
	void packedValuesAreSixteenBitCodesThatSqlAndJavaReadAlikeWithinTheirResolution() {
		double[] ratios = { 0, 1e-5, 0.123456, 0.5, 0.95, 0.99999, 1 };
		double[] rates = { 0, 0.7, 1, 1234.5, 8e6, 1e9, 4.2e10 };
		for (Metric metric : List.of(Metric.CPU, Metric.NET_IN)) {
			for (double value : metric.ratio() ? ratios : rates) {
				int code = DaySketch.code(metric, value);
				assertThat(this.jdbc.sql("SELECT metering_code(CAST(:m AS smallint), :v)")
					.param("m", metric.code())
					.param("v", value)
					.query(Integer.class)
					.single()).as("code of %s %s in SQL", metric, value).isEqualTo(code);
				double decoded = this.jdbc.sql("SELECT metering_value(CAST(:m AS smallint), CAST(:c AS smallint))")
					.param("m", metric.code())
					.param("c", code)
					.query(Double.class)
					.single();
				assertThat(decoded).as("value of code %d in SQL", code)
					.isCloseTo(DaySketch.decode(metric, code), within(Math.ulp(decoded) * 2));
				if (metric.ratio()) {
					assertThat(decoded).as("ADR 0038: ratios to ±1/60,000").isCloseTo(value, within(1 / 60_000.0));
				}
				else {
					assertThat(decoded).as("ADR 0038: rates to ±0.05 %% of 1 + the rate")
						.isCloseTo(value, within((1 + value) * 0.0005001));
				}
			}
		}
	}

	@Test
	void memoryUsesTheTotalOfTheSameTimestamp() {
		Host host = this.fixtures.host(this.unit, this.supplier);
		this.matcher.refresh();
		long t0 = RollupMath.bucket(System.currentTimeMillis() - 20 * 60_000);
		Series total = Series.of("__name__", "node_memory_MemTotal_bytes", "instance", host.ip() + ":9100")
			.sample(t0, 100)
			.sample(t0 + 15_000, 200);
		Series available = Series.of("__name__", "node_memory_MemAvailable_bytes", "instance", host.ip() + ":9100")
			.sample(t0, 50)
			.sample(t0 + 15_000, 50);
		assertThat(this.fixtures.write(this.fixtures.credential(this.supplier), List.of(total, available)).statusCode())
			.isEqualTo(204);
		this.consumer.consume(Duration.ZERO);
		List<UtilisationPoint> memory = this.utilisation.series(scope("manager"), host.id(), Metric.MEMORY,
				Instant.ofEpochMilli(t0), Instant.ofEpochMilli(t0 + 300_000));
		assertThat(memory).singleElement()
			.satisfies((point) -> assertThat(point.avg()).as("(1 - 50/100 + 1 - 50/200) / 2, not with the latest total")
				.isCloseTo(0.625, within(1e-9)));
	}

	@Test
	void retentionDropsWholeExpiredPartitions() {
		Instant old = Instant.now().minus(Duration.ofDays(40));
		this.partitions.ensure(Partitions.Table.FIVE_MINUTES, old);
		this.partitions.ensure(Partitions.Table.FIVE_MINUTES, Instant.now());
		String oldName = Partitions.Table.FIVE_MINUTES.name(Partitions.Table.FIVE_MINUTES.start(old));
		String today = Partitions.Table.FIVE_MINUTES.name(Partitions.Table.FIVE_MINUTES.start(Instant.now()));
		this.jdbc.sql("""
				INSERT INTO metering_5m (instance_id, metric, dimension, bucket, sum, count, max)
				VALUES (:id, 0, '', :at, 1, 1, 1)
				""").param("id", UUID.randomUUID()).param("at", java.sql.Timestamp.from(old)).update();
		assertThat(this.retention.dropExpired(Instant.now())).contains(oldName).doesNotContain(today);
		assertThat(exists(oldName)).isFalse();
		assertThat(exists(today)).isTrue();
	}

	private boolean exists(String table) {
		return this.jdbc.sql("SELECT to_regclass(:t) IS NOT NULL").param("t", table).query(Boolean.class).single();
	}

	/**
	 * Writes CPU 0.1, 0.2, … every 5 minutes from 30 minutes ago, packs and seals (as if
	 * two days later) before the sample {@code packBefore} and after the last; returns
	 * the first timestamp.
	 */
	private long cpuRamp(Host host, int samples, int packBefore) {
		this.matcher.refresh();
		String token = this.fixtures.credential(this.supplier);
		long t0 = RollupMath.bucket(System.currentTimeMillis() - 30 * 60_000);
		for (int i = 0; i < samples; i++) {
			if (i == packBefore) {
				this.consumer.consume(Duration.ZERO);
				this.consumer.seal(Instant.now().plus(Duration.ofDays(2)));
			}
			Series gauge = Series.of("__name__", "govcloud_cpu_utilisation_ratio", "instance", host.ip())
				.sample(t0 + i * 300_000L, 0.1 * (i + 1));
			assertThat(this.fixtures.write(token, List.of(gauge)).statusCode()).isEqualTo(204);
		}
		this.consumer.consume(Duration.ZERO);
		this.consumer.seal(Instant.now().plus(Duration.ofDays(2)));
		return t0;
	}

	private List<Integer> packedCounts(Host host) {
		return this.jdbc
			.sql("""
					SELECT u.c FROM metering_5m_day CROSS JOIN LATERAL unnest(count) AS u(c) WHERE instance_id = :id AND u.c > 0
					""")
			.param("id", host.id())
			.query(Integer.class)
			.list();
	}

	private DataScope scope(String username) {
		return this.fixtures.scope(this.scopes, username);
	}

	private DataScope supplierScope(UUID supplier) {
		return this.scopes.of(new GovCloudPrincipal(UUID.randomUUID(), "other", "其他", supplier, "其他",
				OrganizationKind.SUPPLIER, java.util.Set.of(Role.SUPPLIER_OPERATOR), false));
	}

}
