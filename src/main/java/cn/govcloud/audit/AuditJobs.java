package cn.govcloud.audit;

import java.time.Duration;
import java.time.Instant;

import cn.govcloud.shared.ClusterJobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The trail's scheduled work, once per cluster (ADR 0037): the nightly archiving of
 * records past the online retention, and the hourly anchor of the chain's head.
 */
@Component
class AuditJobs {

	private static final Logger logger = LoggerFactory.getLogger(AuditJobs.class);

	private final AuditArchiving archiving;

	private final ChainAnchor anchor;

	private final ClusterJobs jobs;

	AuditJobs(AuditArchiving archiving, ChainAnchor anchor, ClusterJobs jobs) {
		this.archiving = archiving;
		this.anchor = anchor;
		this.jobs = jobs;
	}

	@Scheduled(cron = "${govcloud.audit.retention.cron:0 30 3 * * *}", zone = "Asia/Shanghai")
	void archive() {
		this.jobs.once("audit.retention", Duration.ofHours(6), Duration.ofMinutes(5), () -> {
			long archived = this.archiving.archiveDue(Instant.now());
			if (archived > 0) {
				logger.info("Audit retention archived and pruned {} records", archived);
			}
		});
	}

	@Scheduled(cron = "${govcloud.audit.anchor.cron:0 0 * * * *}", zone = "Asia/Shanghai")
	void anchor() {
		this.jobs.once("audit.anchor", Duration.ofMinutes(10), Duration.ofMinutes(1),
				() -> this.anchor.publish(Instant.now()));
	}

}
