package cn.govcloud.metering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import cn.govcloud.inventory.InstanceDirectory;
import cn.govcloud.inventory.DirectoryChanges;
import cn.govcloud.inventory.MatchableInstance;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Matches a series to an inventory instance (ADR 0010): a {@code govcloud_instance_id}
 * label to the cloud instance id, else the host part of the match label to an IP address
 * or name. Provisioning, active and reclaiming instances match. A match among the
 * supplier's own instances wins; anything else, another supplier's instance included, is
 * unmatched. Every {@code directory-refresh} (a second) it reads only the instances that
 * changed since its last read (ADR 0036; at tier L a bulk recording changes thousands of
 * rows a second, a full reload would read 30,000); each read that changes the directory
 * bumps the generation, so series re-match when they are next seen, and first releases
 * the held samples of hosts that now match, so they are rolled up before the live ones.
 * Every node catches up within that second.
 */
@Component
class InstanceMatcher {

	/** The outcome for one series. */
	record Match(SeriesEntry.Status status, UUID instanceId) {
	}

	private static final Match UNMATCHED = new Match(SeriesEntry.Status.UNMATCHED, null);

	private final InstanceDirectory directory;

	private final HeldSamples held;

	private final AtomicLong generation = new AtomicLong(1);

	private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of(), Map.of());

	/** Where the next read of changes starts; -1: read everything. */
	private long watermark = -1;

	/** How many instances the last read returned. */
	private volatile int lastReadRows;

	private long heldCheckedAt;

	InstanceMatcher(InstanceDirectory directory, HeldSamples held) {
		this.directory = directory;
		this.held = held;
		refresh();
	}

	long generation() {
		return this.generation.get();
	}

	/** How many instances the last reload read (all at the first, then the changed). */
	int lastReadRows() {
		return this.lastReadRows;
	}

	@Scheduled(fixedDelayString = "${govcloud.metering.directory-refresh:1s}", initialDelay = 1000)
	synchronized void refresh() {
		Map<UUID, MatchableInstance> byId;
		if (this.watermark < 0) {
			long next = this.directory.watermark();
			byId = new HashMap<>();
			for (MatchableInstance instance : this.directory.matchable()) {
				byId.put(instance.id(), instance);
			}
			this.lastReadRows = byId.size();
			this.watermark = next;
		}
		else {
			DirectoryChanges changes = this.directory.changedSince(this.watermark);
			this.lastReadRows = changes.rows();
			this.watermark = changes.next();
			byId = applied(this.snapshot.byId(), changes);
		}
		boolean changed = byId != null && !byId.equals(this.snapshot.byId());
		if (changed) {
			Snapshot next = Snapshot.of(byId);
			this.held.release((supplier, matchValue) -> matchValue(next, supplier, matchValue).instanceId());
			this.snapshot = next;
			this.generation.incrementAndGet();
			this.heldCheckedAt = System.currentTimeMillis();
		}
		else if (System.currentTimeMillis() - this.heldCheckedAt > HeldSamples.CHECK_EVERY.toMillis()) {
			// held rows committed while their host was being recorded
			Snapshot current = this.snapshot;
			this.held.release((supplier, matchValue) -> matchValue(current, supplier, matchValue).instanceId());
			this.heldCheckedAt = System.currentTimeMillis();
		}
	}

	/** The directory with the changes applied, or null if they change nothing. */
	private static Map<UUID, MatchableInstance> applied(Map<UUID, MatchableInstance> current,
			DirectoryChanges changes) {
		boolean same = changes.gone().stream().noneMatch(current::containsKey)
				&& changes.matchable().stream().allMatch((i) -> i.equals(current.get(i.id())));
		if (same) {
			return null;
		}
		Map<UUID, MatchableInstance> byId = new HashMap<>(current);
		changes.gone().forEach(byId::remove);
		changes.matchable().forEach((i) -> byId.put(i.id(), i));
		return byId;
	}

	Match match(UUID supplier, String cloudInstanceId, String host) {
		return match(this.snapshot, supplier, cloudInstanceId, host);
	}

	private static Match match(Snapshot current, UUID supplier, String cloudInstanceId, String host) {
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
		return matchValue(supplier, matchValue).instanceId() != null;
	}

	/** The match of a series' match value: a host, or the cloud id with its prefix. */
	Match matchValue(UUID supplier, String matchValue) {
		return matchValue(this.snapshot, supplier, matchValue);
	}

	private static Match matchValue(Snapshot current, UUID supplier, String matchValue) {
		if (matchValue.startsWith(CLOUD_ID_PREFIX)) {
			return match(current, supplier, matchValue.substring(CLOUD_ID_PREFIX.length()), null);
		}
		return match(current, supplier, null, matchValue);
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

	private record Snapshot(Map<UUID, MatchableInstance> byId, Map<String, List<MatchableInstance>> byHost,
			Map<String, List<MatchableInstance>> byCloudId) {

		static Snapshot of(Map<UUID, MatchableInstance> byId) {
			Map<String, List<MatchableInstance>> byHost = new HashMap<>();
			Map<String, List<MatchableInstance>> byCloudId = new HashMap<>();
			for (MatchableInstance instance : byId.values()) {
				byCloudId.computeIfAbsent(instance.cloudInstanceId(), (k) -> new ArrayList<>()).add(instance);
				byHost.computeIfAbsent(normalise(instance.name()), (k) -> new ArrayList<>()).add(instance);
				for (String address : instance.addresses()) {
					byHost.computeIfAbsent(normalise(address), (k) -> new ArrayList<>()).add(instance);
				}
			}
			return new Snapshot(byId, byHost, byCloudId);
		}

	}

}
