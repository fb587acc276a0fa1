package cn.govcloud.rightsizing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The recommendation rules (Art. 8: allocate the "reasonable value needed" and release
 * surplus according to actual usage), applied in this order to the window of days before
 * the computing day:
 * <ol>
 * <li>ACTIVE with no data over the idle days: release, the supplier checks first;</li>
 * <li>fewer days with data than the minimum: insufficient data, never a
 * recommendation;</li>
 * <li>idle — at least the minimum of measured days among the idle days and the highest
 * CPU of all of them at or below the idle threshold: release;</li>
 * <li>CPU or memory figure at or above the upsize threshold: upsize what is short;</li>
 * <li>CPU and memory figures at or below the downsize threshold: downsize both;</li>
 * <li>else keep.</li>
 * </ol>
 * A new size is the smallest the catalogue allows that keeps the figure at or below the
 * target.
 */
final class RecommendationRules {

	static final String VCPU = "vcpu";

	static final String MEMORY = "memoryGib";

	private final RightsizingSettings settings;

	RecommendationRules(RightsizingSettings settings) {
		this.settings = settings;
	}

	Recommendation recommend(InstanceFacts facts, LocalDate computedOn) {
		LocalDate windowStart = computedOn.minusDays(this.settings.windowDays());
		LocalDate idleStart = computedOn.minusDays(this.settings.idleDays());
		List<DailyUsage> window = facts.days()
			.stream()
			.filter((d) -> d.measured() && !d.day().isBefore(windowStart) && d.day().isBefore(computedOn))
			.toList();
		List<DailyUsage> recent = window.stream().filter((d) -> !d.day().isBefore(idleStart)).toList();
		if (facts.active() && recent.isEmpty()) {
			return released(facts, computedOn, null, null, window.size(), true);
		}
		Double cpu = figure(window, DailyUsage::cpuP95);
		Double memory = figure(window, DailyUsage::memoryP95);
		if (window.size() < this.settings.minimumDays()) {
			return Recommendation.without(Action.INSUFFICIENT_DATA, cpu, memory, window.size());
		}
		if (idle(recent)) {
			return released(facts, computedOn, cpu, memory, window.size(), false);
		}
		if (at(cpu, this.settings.upsizeAt()) || at(memory, this.settings.upsizeAt())) {
			return resized(Action.UPSIZE, facts, computedOn, cpu, memory, window.size());
		}
		if (cpu != null && memory != null && cpu <= this.settings.downsizeAt()
				&& memory <= this.settings.downsizeAt()) {
			return resized(Action.DOWNSIZE, facts, computedOn, cpu, memory, window.size());
		}
		return Recommendation.without(Action.KEEP, cpu, memory, window.size());
	}

	private boolean idle(List<DailyUsage> recent) {
		List<Double> maxima = recent.stream().map(DailyUsage::cpuMax).filter(Objects::nonNull).toList();
		return maxima.size() >= this.settings.minimumDays()
				&& maxima.stream().allMatch((max) -> max <= this.settings.idleAt());
	}

	private Recommendation released(InstanceFacts facts, LocalDate on, Double cpu, Double memory, int days,
			boolean check) {
		BigDecimal monthly = Savings.monthly(facts.spec(), null, facts.prices(), on);
		return new Recommendation(Action.RELEASE, cpu, memory, days, check, null, monthly, Savings.yearly(monthly));
	}

	/** Upsize grows only what is short; downsize shrinks both. Same size: keep. */
	private Recommendation resized(Action action, InstanceFacts facts, LocalDate on, Double cpu, Double memory,
			int days) {
		Map<String, Object> spec = new LinkedHashMap<>(facts.spec());
		boolean up = action == Action.UPSIZE;
		if (!up || at(cpu, this.settings.upsizeAt())) {
			SpecSizing.size(facts.fields(), facts.spec(), VCPU, cpu, this.settings.target())
				.ifPresent((v) -> spec.put(VCPU, v));
		}
		if (!up || at(memory, this.settings.upsizeAt())) {
			SpecSizing.size(facts.fields(), facts.spec(), MEMORY, memory, this.settings.target())
				.ifPresent((v) -> spec.put(MEMORY, v));
		}
		if (spec.equals(facts.spec())) {
			return Recommendation.without(Action.KEEP, cpu, memory, days);
		}
		BigDecimal monthly = Savings.monthly(facts.spec(), spec, facts.prices(), on);
		return new Recommendation(action, cpu, memory, days, false, Map.copyOf(spec), monthly, Savings.yearly(monthly));
	}

	private Double figure(List<DailyUsage> days, Function<DailyUsage, Double> metric) {
		double[] values = days.stream().map(metric).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
		return (values.length == 0) ? null : this.settings.mode().figure(values);
	}

	private static boolean at(Double figure, double threshold) {
		return figure != null && figure >= threshold;
	}

}
