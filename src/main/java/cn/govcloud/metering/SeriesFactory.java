package cn.govcloud.metering;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Classifies a series by its metric name (cheaply, on the request's bytes) and, the first
 * time GovCloud sees a series, decodes its labels and matches it to an instance.
 */
@Component
class SeriesFactory {

	private static final byte[] MODE = "mode".getBytes(StandardCharsets.UTF_8);

	private static final byte[] IDLE = "idle".getBytes(StandardCharsets.UTF_8);

	private static final byte[] DEVICE = "device".getBytes(StandardCharsets.UTF_8);

	private static final byte[] LOOPBACK = "lo".getBytes(StandardCharsets.UTF_8);

	static final String INSTANCE_ID_LABEL = "govcloud_instance_id";

	private static final byte[] INSTANCE_ID = INSTANCE_ID_LABEL.getBytes(StandardCharsets.UTF_8);

	private final InstanceMatcher matcher;

	private final SeriesRegistry registry;

	private final byte[] matchLabel;

	SeriesFactory(InstanceMatcher matcher, SeriesRegistry registry, MeteringSettings settings) {
		this.matcher = matcher;
		this.registry = registry;
		this.matchLabel = settings.matchLabel().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The kind of a (valid) series, or null when GovCloud ignores it: an unknown name, a
	 * CPU mode other than idle, the loopback device.
	 */
	static SeriesKind classify(Labels labels) {
		int name = labels.metricName();
		SeriesKind kind = SeriesKind.byName(labels.buffer, labels.valueOffset[name], labels.valueLength[name]);
		if (kind == SeriesKind.CPU_IDLE) {
			int mode = labels.find(MODE);
			return (mode >= 0 && labels.valueEquals(mode, IDLE)) ? kind : null;
		}
		if (kind != null && kind.dimensionLabel() != null && "device".equals(kind.dimensionLabel())) {
			int device = labels.find(DEVICE);
			return (device >= 0 && labels.valueEquals(device, LOOPBACK)) ? null : kind;
		}
		return kind;
	}

	SeriesEntry create(UUID supplier, Labels labels, SeriesKind kind, long hash) {
		String dimension = "";
		if (kind.dimensionLabel() != null) {
			int label = labels.find(kind.dimensionLabelBytes());
			dimension = (label >= 0) ? clip(labels.value(label), 200) : "";
		}
		int cloudId = labels.find(INSTANCE_ID);
		String matchValue;
		if (cloudId >= 0) {
			matchValue = InstanceMatcher.CLOUD_ID_PREFIX + labels.value(cloudId);
		}
		else {
			int host = labels.find(this.matchLabel);
			matchValue = (host >= 0) ? InstanceMatcher.hostOf(labels.value(host)) : "";
		}
		SeriesEntry entry = new SeriesEntry(Arrays.copyOf(labels.key, labels.keyLength), hash, kind, dimension,
				clip(matchValue, 300));
		entry.generation = -1;
		rematchIfStale(supplier, entry);
		return entry;
	}

	/**
	 * Matches the series again if the instance directory changed since it was matched.
	 */
	void rematchIfStale(UUID supplier, SeriesEntry entry) {
		long generation = this.matcher.generation();
		if (entry.generation == generation) {
			return;
		}
		synchronized (entry) {
			if (entry.generation == generation) {
				return;
			}
			InstanceMatcher.Match match = this.matcher.matchValue(supplier, entry.matchValue);
			if (entry.id < 0) {
				// unmatched series get an id too: their samples are held under it
				entry.id = this.registry.newId();
			}
			if (match.status() == SeriesEntry.Status.STORED && !match.instanceId().equals(entry.instanceId)) {
				entry.instanceId = match.instanceId();
				entry.persisted = false;
			}
			entry.status = match.status();
			entry.generation = generation;
		}
	}

	private static String clip(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

}
