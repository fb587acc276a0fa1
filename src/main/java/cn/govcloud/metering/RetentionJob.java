package cn.govcloud.metering;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.govcloud.shared.ClusterJobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retention (PRODUCT C7): every hour, drops the rollup partitions older than
 * {@code govcloud.metering.retention.*} (defaults: 5-minute 35 days, hourly 395 days,
 * daily 1825 days).
 */
@Component
class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final Partitions partitions;

	private final MeteringSettings settings;

	private final ClusterJobs jobs;

	private final HeldSamples held;

	private final TrendAggregates trends;

	RetentionJob(Partitions partitions, MeteringSettings settings, ClusterJobs jobs, HeldSamples held,
			TrendAggregates trends) {
		this.partitions = partitions;
		this.held = held;
		this.trends = trends;
		this.settings = settings;
		this.jobs = jobs;
	}

	@Scheduled(fixedDelayString = "${govcloud.metering.retention-check:1h}", initialDelayString = "60s")
	void run() {
		this.jobs.once("metering.retention", Duration.ofHours(1), Duration.ZERO, () -> {
			List<String> dropped = dropExpired(Instant.now());
			if (!dropped.isEmpty()) {
				log.info("Metering retention dropped {}", dropped);
			}
			int pruned = this.held.prune(Instant.now());
			if (pruned > 0) {
				log.info("Metering: {} requests' held samples of hosts never recorded pruned", pruned);
			}
		});
	}

	List<String> dropExpired(Instant now) {
		MeteringSettings.Retention retention = this.settings.retention();
		List<String> dropped = new ArrayList<>();
		dropped.addAll(this.partitions.dropExpired(Partitions.Table.FIVE_MINUTES, now, retention.fiveMinute()));
		dropped.addAll(this.partitions.dropExpired(Partitions.Table.FIVE_MINUTE_HOURS, now, retention.fiveMinute()));
		dropped.addAll(this.partitions.dropExpired(Partitions.Table.FIVE_MINUTE_DAYS, now, retention.fiveMinute()));
		dropped.addAll(this.partitions.dropExpired(Partitions.Table.HOURLY, now, retention.hourly()));
		dropped.addAll(this.partitions.dropExpired(Partitions.Table.DAILY, now, retention.daily()));
		if (this.trends.dropBefore(now.minus(retention.hourly())) > 0) {
			dropped.add("metering_trend_1h (days older than " + retention.hourly() + ")");
		}
		return dropped;
	}

}
