package cn.govcloud.metering;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Hourly trend aggregates (ADR 0035) added up in Java by the bulk history load: per
 * owner, metric and UTC day, the 24 hours' sum of the (instance, dimension) rows' decoded
 * averages, their number, the highest decoded max and the instances with a row — what
 * {@link TrendAggregates} adds up in SQL from the hourly month rows. The load first adds
 * each series' packed hours under its instance ({@link #addHour}), then folds the
 * instances into their city, unit and supplier ({@link #fold}).
 */
final class TrendSums {

	static final int HOURS = 24;

	/** The scope of an instance's own sums (not a group of {@code metering_trend_1h}). */
	private static final char INSTANCE = 'I';

	private static final long HOUR_MS = 3_600_000;

	private static final long DAY_MS = HOURS * HOUR_MS;

	private final Map<Key, Day> days = new HashMap<>();

	/** The value of each rate code as PostgreSQL decodes it, or null. */
	private final double[] rates;

	/** Sums of groups. */
	TrendSums() {
		this(null);
	}

	/**
	 * Sums of instances, whose hours' rates are decoded as {@code rates} tells: SQL's
	 * {@code exp} and Java's differ in the last bit for a few codes, and the aggregates
	 * must be PostgreSQL's ({@link HistoryWriter#rateValues}).
	 */
	TrendSums(double[] rates) {
		this.rates = rates;
	}

	/** One row of {@code metering_trend_1h}: a group's metric on a UTC day. */
	record Key(char scope, UUID owner, Metric metric, long day) {

		Instant bucket() {
			return Instant.ofEpochMilli(this.day);
		}

	}

	/** The 24 hours of a row. */
	static final class Day {

		final double[] total = new double[HOURS];

		final int[] rows = new int[HOURS];

		final double[] max = new double[HOURS];

		final int[] instances = new int[HOURS];

		Day() {
			Arrays.fill(this.max, Double.NEGATIVE_INFINITY);
		}

	}

	/**
	 * Adds a packed hour of one series (its average and max as stored, i.e. as 16-bit
	 * codes) to its instance's sums.
	 */
	void addHour(UUID instance, Metric metric, long hour, double avg, double max) {
		long day = Math.floorDiv(hour, DAY_MS) * DAY_MS;
		int h = (int) ((hour - day) / HOUR_MS);
		Day sums = this.days.computeIfAbsent(new Key(INSTANCE, instance, metric, day), (k) -> new Day());
		sums.total[h] += value(metric, DaySketch.code(metric, avg));
		sums.rows[h]++;
		sums.max[h] = Math.max(sums.max[h], value(metric, DaySketch.code(metric, max)));
	}

	private double value(Metric metric, int code) {
		return (metric.ratio() || this.rates == null) ? DaySketch.decode(metric, code) : this.rates[code];
	}

	/**
	 * Adds the instances' sums of {@code from} to their city, unit and supplier;
	 * instances without a unit and supplier (not in the inventory) are left out, as the
	 * SQL's join leaves them out.
	 */
	void fold(TrendSums from, Map<UUID, UUID[]> unitAndSupplier) {
		for (Map.Entry<Key, Day> entry : from.days.entrySet()) {
			Key key = entry.getKey();
			UUID[] owners = unitAndSupplier.get(key.owner());
			if (owners == null) {
				continue;
			}
			Day day = entry.getValue();
			add(new Key('C', TrendAggregates.CITY, key.metric(), key.day()), day);
			add(new Key('U', owners[0], key.metric(), key.day()), day);
			add(new Key('S', owners[1], key.metric(), key.day()), day);
		}
	}

	private void add(Key key, Day instance) {
		Day group = this.days.computeIfAbsent(key, (k) -> new Day());
		for (int h = 0; h < HOURS; h++) {
			if (instance.rows[h] > 0) {
				group.total[h] += instance.total[h];
				group.rows[h] += instance.rows[h];
				group.max[h] = Math.max(group.max[h], instance.max[h]);
				group.instances[h]++;
			}
		}
	}

	/** The instances whose sums were added. */
	UUID[] instances() {
		return this.days.keySet().stream().map(Key::owner).distinct().toArray(UUID[]::new);
	}

	Map<Key, Day> days() {
		return this.days;
	}

	int size() {
		return this.days.size();
	}

	void clear() {
		this.days.clear();
	}

}
