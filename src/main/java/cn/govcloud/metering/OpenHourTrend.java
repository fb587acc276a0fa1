package cn.govcloud.metering;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import cn.govcloud.shared.ClusterJobs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trend aggregates of finished hours of the UTC days not packed yet
 * ({@code metering_trend_open}, V195): once an hour has ended ten minutes ago (the
 * packer's grace for late samples), its 5-minute points are added up per city, unit and
 * supplier, as {@link TrendAggregates} does for a packed day, and in the same transaction
 * its cells are packed into one row per series ({@link HourPacker}, ADR 0041). A group's
 * trend ({@link GroupTrend}) then reads per instance only the hours after the last one
 * aggregated. A sample arriving later for an aggregated hour counts in the group's trend
 * when its day is packed (the day's aggregates are built from the hourly rows). Runs on
 * one node of the cluster at a time, every minute.
 */
@Component
class OpenHourTrend {

	static final Duration GRACE = Duration.ofMinutes(10);

	private static final String AGGREGATE = """
			INSERT INTO metering_trend_open (scope, owner, metric, hour, total, rows, max, instances)
			SELECT g.scope, g.owner, h.metric, CAST(:from AS timestamptz), sum(h.avg), count(*), max(h.max),
			       count(DISTINCT h.instance_id)
			FROM (SELECT instance_id, metric, dimension, sum(sum) / nullif(sum(count), 0) AS avg, max(max) AS max
			      FROM (%s) points WHERE count > 0
			      GROUP BY instance_id, metric, dimension) h
			JOIN instance i ON i.id = h.instance_id
			CROSS JOIN LATERAL (VALUES ('C', '00000000-0000-0000-0000-000000000000'::uuid), ('U', i.unit_id),
			                           ('S', i.supplier_id)) g(scope, owner)
			GROUP BY g.scope, g.owner, h.metric
			""".formatted(Rollups.open("TRUE"));

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ClusterJobs jobs;

	private final HourPacker packer;

	private final boolean enabled;

	OpenHourTrend(JdbcTemplate jdbc, TransactionTemplate transactions, ClusterJobs jobs, HourPacker packer,
			@Value("${govcloud.metering.consumer.enabled:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.packer = packer;
		this.transactions = transactions;
		this.jobs = jobs;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${govcloud.metering.open-hours.interval:1m}", initialDelayString = "20s")
	void run() {
		if (this.enabled) {
			this.jobs.once("metering.open-hours", Duration.ofMinutes(5), Duration.ZERO, () -> aggregate(Instant.now()));
		}
	}

	/**
	 * Aggregates and packs the hours from the first UTC day not packed up to the last
	 * hour ended {@link #GRACE} before {@code now}, one transaction an hour, for at most
	 * 20 s; drops the rows of days packed since.
	 * @return how many hours were aggregated
	 */
	int aggregate(Instant now) {
		Timestamp packed = this.jdbc.queryForObject("SELECT sealed_hour FROM metering_consumer", Timestamp.class);
		if (packed == null) {
			return 0;
		}
		this.jdbc.update("DELETE FROM metering_trend_open WHERE hour < ?", packed);
		this.jdbc.update("DELETE FROM metering_trend_open_hour WHERE hour < ?", packed);
		Timestamp last = this.jdbc.queryForObject("SELECT max(hour) FROM metering_trend_open_hour", Timestamp.class);
		Instant hour = (last != null) ? last.toInstant().plus(Duration.ofHours(1)) : packed.toInstant();
		Instant target = now.minus(GRACE).truncatedTo(ChronoUnit.HOURS);
		long started = System.nanoTime();
		int aggregated = 0;
		while (hour.isBefore(target) && System.nanoTime() - started < Duration.ofSeconds(20).toNanos()) {
			Timestamp from = Timestamp.from(hour);
			Timestamp to = Timestamp.from(hour.plus(Duration.ofHours(1)));
			try {
				this.transactions.executeWithoutResult((status) -> {
					this.jdbc.update("DELETE FROM metering_trend_open WHERE hour = ?", from);
					JdbcClient.create(this.jdbc).sql(AGGREGATE).param("from", from).param("to", to).update();
					this.packer.pack(from.toInstant());
					this.jdbc.update("INSERT INTO metering_trend_open_hour (hour) VALUES (?) ON CONFLICT DO NOTHING",
							from);
				});
			}
			catch (RuntimeException ex) {
				// the partition the packer created may be gone with the transaction
				this.packer.forget();
				throw ex;
			}
			hour = hour.plus(Duration.ofHours(1));
			aggregated++;
		}
		return aggregated;
	}

	/**
	 * Forgets every open hour aggregated, so that the next run adds them up again: after
	 * history written in bulk into hours that may have been aggregated already.
	 */
	void reopen() {
		this.jdbc.update("DELETE FROM metering_trend_open_hour");
		this.jdbc.update("DELETE FROM metering_trend_open");
	}

}
