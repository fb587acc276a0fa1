package cn.govcloud.metering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import cn.govcloud.metering.Utilisation.Row;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Avg / p95 / max of a long period (ADR 0035): the whole sealed city days from the month
 * rows (one row per series and month, merged in Java: no unnest per bin or point), the
 * partial days at either end from the 5-minute points (packed days, packed hours and
 * cells); p95 by {@link P95Estimate}.
 */
final class PeriodSummaries {

	/**
	 * The series' keys: with a metric, part of each primary key's prefix (instance,
	 * metric, dimension, bucket), so an index scan reads that metric's rows only; an
	 * optional metric written as {@code :metric IS NULL OR …} read every metric's and
	 * filtered them (a unit's CPU for today: 2,695 rows read for 539; issue 13, ADR
	 * 0053).
	 */
	private static final Statements ONE_METRIC = new Statements(" instance_id = ANY(:ids) AND metric = :metric");

	private static final Statements EVERY_METRIC = new Statements(" instance_id = ANY(:ids)");

	/**
	 * A period's statements for series chosen by {@code keys}: the month rows, the cells
	 * of days not packed yet, the packed days' and the packed hours' slots.
	 */
	private record Statements(String months, String cells, String days, String hours) {

		private static final String MONTHS = """
				SELECT instance_id, metric, dimension, bucket, avg, max, count, sketch FROM metering_1d_month
				WHERE %s AND bucket > CAST(:first AS timestamptz) - interval '31 days' AND bucket < :last
				""";

		/** The cells of days not packed yet, one row per series with its averages. */
		private static final String CELLS = """
				SELECT instance_id, metric, dimension, array_agg((sum / count)::real), sum(sum), sum(count), max(max)
				FROM metering_5m WHERE %s AND bucket >= :from AND bucket < :to AND count > 0
				GROUP BY instance_id, metric, dimension
				""";

		/**
		 * The slots in {@code [:from, :to)} of the packed rows of a table (of
		 * {@code %2$d} slots, each {@code %3$s} long), sliced in SQL (spaces around the
		 * slice colon: no named parameter) and read as arrays: no row per point (a
		 * partial city day of a 500-host unit is ~10⁶ points). The slot numbers in double
		 * precision: {@code extract} gives numeric, several times slower per row.
		 */
		private static final String PACKED = """
				SELECT instance_id, metric, dimension, avg[lo : hi], max[lo : hi], count[lo : hi] FROM (
				  SELECT p.*, greatest(1, ceil(date_part('epoch', CAST(:from AS timestamptz) - p.bucket) / 300)::int + 1) AS lo,
				         least(%2$d, ceil(date_part('epoch', CAST(:to AS timestamptz) - p.bucket) / 300)::int) AS hi
				  FROM %1$s p
				  WHERE %4$s AND p.bucket > CAST(:from AS timestamptz) - interval '%3$s' AND p.bucket < :to
				) d WHERE lo <= hi
				""";

		Statements(String keys) {
			this(MONTHS.formatted(keys), CELLS.formatted(keys),
					// the packed days' slots (ADR 0040)
					PACKED.formatted("metering_5m_day", DayCells.SLOTS, "1 day", keys),
					// the packed hours' slots of days not packed yet (ADR 0041)
					PACKED.formatted("metering_5m_hour", DayCells.PER_HOUR, "1 hour", keys));
		}

		static Statements of(Metric metric) {
			return (metric != null) ? ONE_METRIC : EVERY_METRIC;
		}

	}

	private static final long DAY_MS = Duration.ofDays(1).toMillis();

	private final Map<Key, Sum> sums = new TreeMap<>();

	private PeriodSummaries() {
	}

	/** Whole days from {@code first} to {@code last}, the rest from 5-minute points. */
	static List<Row> read(JdbcClient jdbc, Collection<UUID> ids, Metric metric, Instant from, Instant to, Instant first,
			Instant last) {
		PeriodSummaries summaries = new PeriodSummaries();
		long firstMs = first.toEpochMilli();
		long lastMs = last.toEpochMilli();
		if (first.isBefore(last)) {
			bind(jdbc.sql(Statements.of(metric).months()), ids, metric, from, to, first, last).query((ResultSet rs) -> {
				Sum sum = summaries.sum(rs);
				MonthRow row = MonthRow.read(rs, 4, "", sum.metric, rs.getTimestamp(4).toInstant());
				for (int d = 0; d < MonthRow.DAYS; d++) {
					long day = row.month.toEpochMilli() + d * DAY_MS;
					if (row.count[d] > 0 && day >= firstMs && day < lastMs) {
						sum.addDay(row, d);
					}
				}
			});
		}
		// each partial end on its own: the 5-minute SQL prunes by :from and :to
		if (from.isBefore(first)) {
			summaries.points(jdbc, ids, metric, from, first.isBefore(to) ? first : to);
		}
		Instant rest = last.isAfter(from) ? last : from;
		if (rest.isBefore(to) && !rest.isBefore(first)) {
			summaries.points(jdbc, ids, metric, rest, to);
		}
		List<Row> rows = new ArrayList<>();
		summaries.sums.forEach((key, sum) -> rows.add(new Row(key.instance, sum.metric, key.dimension,
				sum.total / sum.samples, sum.p95.p95(), sum.max, sum.samples)));
		return rows;
	}

	private void points(JdbcClient jdbc, Collection<UUID> ids, Metric metric, Instant from, Instant to) {
		bind(jdbc.sql(Statements.of(metric).cells()), ids, metric, from, to, from, to).query((ResultSet rs) -> {
			Sum sum = sum(rs);
			for (float average : WireArrays.floats(rs, 4)) {
				sum.p95.addValue(average);
			}
			sum.addTotals(rs.getDouble(5), rs.getLong(6), rs.getDouble(7));
		});
		packed(jdbc, Statements.of(metric).hours(), ids, metric, from, to);
		packed(jdbc, Statements.of(metric).days(), ids, metric, from, to);
	}

	private void packed(JdbcClient jdbc, String sql, Collection<UUID> ids, Metric metric, Instant from, Instant to) {
		bind(jdbc.sql(sql), ids, metric, from, to, from, to).query((ResultSet rs) -> {
			Sum sum = sum(rs);
			// 16-bit codes (ADR 0038), decoded as Rollups' metering_value does in SQL
			short[] averages = WireArrays.shorts(rs, 4);
			short[] highest = WireArrays.shorts(rs, 5);
			short[] counts = WireArrays.shorts(rs, 6);
			for (int i = 0; i < averages.length; i++) {
				if (counts[i] > 0) {
					sum.addPoint(DaySketch.decode(sum.metric, averages[i]) * counts[i], counts[i],
							DaySketch.decode(sum.metric, highest[i]));
				}
			}
		});
	}

	private Sum sum(ResultSet rs) throws SQLException {
		Metric metric = Metric.ofCode(rs.getShort(2));
		return this.sums.computeIfAbsent(new Key(rs.getObject(1, UUID.class), metric.code(), rs.getString(3)),
				(k) -> new Sum(metric));
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Collection<UUID> ids,
			Metric metric, Instant from, Instant to, Instant first, Instant last) {
		return statement.param("ids", ids.toArray(UUID[]::new))
			.param("metric", (metric != null) ? metric.code() : null)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("first", Timestamp.from(first))
			.param("last", Timestamp.from(last));
	}

	private record Key(UUID instance, short metric, String dimension) implements Comparable<Key> {

		private static final Comparator<Key> ORDER = Comparator.comparing(Key::instance)
			.thenComparing(Key::metric)
			.thenComparing(Key::dimension);

		@Override
		public int compareTo(Key other) {
			return ORDER.compare(this, other);
		}

	}

	private static final class Sum {

		final Metric metric;

		final P95Estimate p95;

		double total;

		long samples;

		double max = Double.NEGATIVE_INFINITY;

		Sum(Metric metric) {
			this.metric = metric;
			this.p95 = new P95Estimate(metric);
		}

		void addDay(MonthRow row, int day) {
			this.total += (double) row.avg[day] * row.count[day];
			this.samples += row.count[day];
			this.max = Math.max(this.max, row.max[day]);
			this.p95.addDay(row.sketch, day * DaySketch.BYTES);
		}

		void addTotals(double sum, long count, double highest) {
			this.total += sum;
			this.samples += count;
			this.max = Math.max(this.max, (float) highest);
		}

		void addPoint(double sum, int count, double highest) {
			this.total += sum;
			this.samples += count;
			this.max = Math.max(this.max, (float) highest);
			this.p95.addValue((float) (sum / count));
		}

	}

}
