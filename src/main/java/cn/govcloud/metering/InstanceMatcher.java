package cn.govcloud.metering;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import cn.govcloud.inventory.InstanceDirectory;
import cn.govcloud.inventory.InstancesChanged;
import cn.govcloud.inventory.MatchableInstance;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Matches a series to an inventory instance (ADR 0010): a {@code govcloud_instance_id}
 * label to the cloud instance id, else the host part of the match label to an IP address
 * or name. Provisioning, active and reclaiming instances match. A match among the
 * supplier's own instances wins; anything else, another supplier's instance included, is
 * unmatched. The directory is reloaded every 30 seconds; each reload that changes it
 * bumps the generation, so series re-match when they are next seen. When this node's
 * inventory changes ({@link InstancesChanged}) it reloads within a second, for a few
 * seconds (the change may commit after the event), so a newly recorded host's samples are
 * not dropped as unmatched for long.
 */
@Component
class InstanceMatcher {

	/** The outcome for one series. */
	record Match(SeriesEntry.Status status, UUID instanceId) {
	}

	private static final Match UNMATCHED = new Match(SeriesEntry.Status.UNMATCHED, null);

	private static final java.time.Duration CHANGE_RELOADS = java.time.Duration.ofSeconds(5);

	private final InstanceDirectory directory;

	private final AtomicLong generation = new AtomicLong(1);

	private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), Map.of());

	InstanceMatcher(InstanceDirectory directory) {
		this.directory = directory;
		refresh();
	}

	/** Until when a change in the inventory makes the directory reload every second. */
	private final AtomicLong reloadUntil = new AtomicLong();

	@EventListener
	void inventoryChanged(InstancesChanged change) {
		this.reloadUntil.set(System.currentTimeMillis() + CHANGE_RELOADS.toMillis());
	}

	@Scheduled(fixedDelay = 1000, initialDelay = 1000)
	void reloadAfterChange() {
		if (System.currentTimeMillis() <= this.reloadUntil.get()) {
			refresh();
		}
	}

	long generation() {
		return this.generation.get();
	}

	@Scheduled(fixedDelayString = "${govcloud.metering.directory-refresh:30s}", initialDelay = 0)
	synchronized void refresh() {
		List<MatchableInstance> instances = this.directory.matchable();
		if (instances.equals(this.snapshot.instances())) {
			return;
		}
		Map<String, List<MatchableInstance>> byHost = new HashMap<>();
		Map<String, List<MatchableInstance>> byCloudId = new HashMap<>();
		for (MatchableInstance instance : instances) {
			byCloudId.computeIfAbsent(instance.cloudInstanceId(), (k) -> new java.util.ArrayList<>()).add(instance);
			byHost.computeIfAbsent(normalise(instance.name()), (k) -> new java.util.ArrayList<>()).add(instance);
			for (String address : instance.addresses()) {
				byHost.computeIfAbsent(normalise(address), (k) -> new java.util.ArrayList<>()).add(instance);
			}
		}
		this.snapshot = new Snapshot(instances, byHost, byCloudId);
		this.generation.incrementAndGet();
	}

	Match match(UUID supplier, String cloudInstanceId, String host) {
		Snapshot current = this.snapshot;
		List<MatchableInstance> candidates = (cloudInstanceId != null) ? current.byCloudId().get(cloudInstanceId)
				: current.byHost().get(normalise(host));
		if (candidates == null || candidates.isEmpty()) {
			return UNMATCHED;
		}
		for (MatchableInstance candidate : candidates) {
			if (candidate.supplierId().equals(supplier)) {
				return new Match(SeriesEntry.Status.STORED, candidate.id());
			}
		}
		// another supplier's instance answers exactly as an unknown host: a supplier
		// learns
		// nothing of what others run (issue 10, ADR 0014)
		return UNMATCHED;
	}

	/** Whether the host (or cloud id) now matches one of the supplier's instances. */
	boolean registered(UUID supplier, String matchValue) {
		if (matchValue.startsWith(CLOUD_ID_PREFIX)) {
			return match(supplier, matchValue.substring(CLOUD_ID_PREFIX.length()), null).instanceId() != null;
		}
		return match(supplier, null, matchValue).instanceId() != null;
	}

	/**
	 * How an unmatched series' match value is shown when it came from the cloud id label.
	 */
	static final String CLOUD_ID_PREFIX = "govcloud_instance_id=";

	/**
	 * The host part of an {@code instance}-style label: {@code 10.0.0.5:9100} →
	 * {@code 10.0.0.5}, {@code [fd00::1]:9100} → {@code fd00::1}, lower-cased.
	 */
	static String hostOf(String value) {
		if (value.startsWith("[")) {
			int close = value.indexOf(']');
			return (close > 0) ? value.substring(1, close) : value;
		}
		int colon = value.indexOf(':');
		if (colon >= 0 && value.indexOf(':', colon + 1) < 0) {
			return value.substring(0, colon);
		}
		return value;
	}

	private static String normalise(String host) {
		return (host != null) ? host.strip().toLowerCase(Locale.ROOT) : "";
	}

	private record Snapshot(List<MatchableInstance> instances, Map<String, List<MatchableInstance>> byHost,
			Map<String, List<MatchableInstance>> byCloudId) {
	}

}
