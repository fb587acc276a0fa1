package cn.govcloud.metering;

import java.time.Duration;

import cn.govcloud.shared.ClusterJobs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the rollup consumer every second on one node of the cluster at a time (ADR 0036):
 * every node's timer fires, the node holding the {@code metering.consumer} lock merges,
 * packs and seals. A node that dies holding it leaves the lock for at most two minutes.
 * Merging is also serialised by the consumer row ({@link ConsumerState#begin}).
 */
@Component
class ConsumerSchedule {

	private final RollupConsumer consumer;

	private final ClusterJobs jobs;

	private final boolean enabled;

	ConsumerSchedule(RollupConsumer consumer, ClusterJobs jobs,
			@Value("${govcloud.metering.consumer.enabled:true}") boolean enabled) {
		this.consumer = consumer;
		this.jobs = jobs;
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${govcloud.metering.consumer.interval:1s}", initialDelayString = "5s")
	void run() {
		if (!this.enabled) {
			return;
		}
		this.jobs.once("metering.consumer", Duration.ofMinutes(2), Duration.ZERO, this.consumer::run);
	}

}
