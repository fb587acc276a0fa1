package cn.govcloud.metering;

import java.util.UUID;

/**
 * A unit's utilisation of one metric over a period, as an aggregate (Art. 18): no host
 * names.
 *
 * @param avg the average of every sample of the unit's hosts (0..1 for CPU and memory)
 * @param p95 the average of the unit's hosts' p95, each host weighted by its samples
 * @param hosts the hosts with samples
 */
public record UnitUtilisation(UUID unitId, Metric metric, double avg, double p95, int hosts, long samples) {

	/** Adds hosts up, each weighted by its samples. */
	static final class Sum {

		private final UUID unitId;

		private double avg;

		private double p95;

		private int hosts;

		private long samples;

		Sum(UUID unitId) {
			this.unitId = unitId;
		}

		void add(double hostAvg, double hostP95, long hostSamples) {
			this.avg += hostAvg * hostSamples;
			this.p95 += hostP95 * hostSamples;
			this.hosts++;
			this.samples += hostSamples;
		}

		UnitUtilisation result(Metric metric) {
			return new UnitUtilisation(this.unitId, metric, this.avg / this.samples, this.p95 / this.samples,
					this.hosts, this.samples);
		}

	}

}
