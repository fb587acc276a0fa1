package cn.govcloud.rightsizing;

import java.util.List;
import java.util.UUID;

import cn.govcloud.metering.DailyPeaks;
import cn.govcloud.shared.DataScope;

import org.springframework.stereotype.Service;

/**
 * A recommendation's evidence: the daily figures of its window (the days before the day
 * it was computed on), read again from metering's sealed daily rollups, which do not
 * change once sealed.
 */
@Service
class Evidence {

	private final Recommendations recommendations;

	private final DailyPeaks peaks;

	private final ModeChoice modes;

	Evidence(Recommendations recommendations, DailyPeaks peaks, ModeChoice modes) {
		this.recommendations = recommendations;
		this.peaks = peaks;
		this.modes = modes;
	}

	/** The window's measured days in order; out of scope reads as not found. */
	List<DailyUsage> days(DataScope scope, UUID id) {
		RecommendationView r = this.recommendations.find(scope, id);
		int window = this.modes.settings().windowDays();
		return DailyUsages
			.byInstance(this.peaks.cpuAndMemory(List.of(r.instanceId()), r.computedOn().minusDays(window),
					r.computedOn().minusDays(1)))
			.getOrDefault(r.instanceId(), List.of());
	}

}
