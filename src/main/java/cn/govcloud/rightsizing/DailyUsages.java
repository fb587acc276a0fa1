package cn.govcloud.rightsizing;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import cn.govcloud.metering.DailyPeak;
import cn.govcloud.metering.Metric;

/** Metering's daily peaks as each instance's days, CPU and memory of a day in one. */
final class DailyUsages {

	private DailyUsages() {
	}

	/** By instance, each list in day order. */
	static Map<UUID, List<DailyUsage>> byInstance(List<DailyPeak> peaks) {
		Map<UUID, Map<LocalDate, double[]>> merged = new HashMap<>();
		for (DailyPeak peak : peaks) {
			double[] day = merged.computeIfAbsent(peak.instanceId(), (id) -> new TreeMap<>())
				.computeIfAbsent(peak.day(), (d) -> new double[] { Double.NaN, Double.NaN, Double.NaN, Double.NaN });
			int at = (peak.metric() == Metric.CPU) ? 0 : 2;
			day[at] = peak.p95();
			day[at + 1] = peak.max();
		}
		Map<UUID, List<DailyUsage>> result = new HashMap<>();
		merged.forEach((id, days) -> result.put(id,
				days.entrySet()
					.stream()
					.map((e) -> new DailyUsage(e.getKey(), value(e.getValue()[0]), value(e.getValue()[1]),
							value(e.getValue()[2]), value(e.getValue()[3])))
					.sorted(Comparator.comparing(DailyUsage::day))
					.toList()));
		return result;
	}

	private static Double value(double v) {
		return Double.isNaN(v) ? null : v;
	}

}
