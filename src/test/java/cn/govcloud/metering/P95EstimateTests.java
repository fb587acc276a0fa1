package cn.govcloud.metering;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The daily sketch and the period p95 merged from it (ADR 0035), against hand-computed
 * values.
 */
class P95EstimateTests {

	@Test
	void aDaysSketchKeepsItsQuantilesByNearestRank() {
		byte[] sketch = sketch(Metric.CPU, steps(100, 0, 0.01));
		assertThat(DaySketch.count(sketch, 0)).isEqualTo(100);
		// ranks 1, 25, 50, 75, 85, 90, 93, 95, 97, 99, 100 of 0.01 … 1.00
		double[] expected = { 0.01, 0.25, 0.5, 0.75, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99, 1.0 };
		for (int k = 0; k < expected.length; k++) {
			assertThat(DaySketch.value(sketch, 0, Metric.CPU, k)).as("fraction %s", DaySketch.FRACTIONS[k])
				.isCloseTo(expected[k], within(1.0 / 30_000));
		}
	}

	@Test
	void oneDayGivesItsExactP95() {
		P95Estimate estimate = new P95Estimate(Metric.CPU);
		estimate.addDay(sketch(Metric.CPU, steps(100, 0, 0.01)), 0);
		assertThat(estimate.p95()).isCloseTo(0.95, within(1e-9));
	}

	@Test
	void daysMergeByTheirRanks() {
		// 0.01 … 1.00 and a day of 100 × 0.10: rank 190 of 200 is the 80th value above
		// 0.10
		P95Estimate flat = new P95Estimate(Metric.CPU);
		flat.addDay(sketch(Metric.CPU, steps(100, 0, 0.01)), 0);
		float[] tens = new float[100];
		Arrays.fill(tens, 0.1f);
		flat.addDay(sketch(Metric.CPU, tens), 0);
		assertThat(flat.p95()).isCloseTo(0.90, within(1e-6));
		// 0.01 … 1.00 and 0.505 … 1.000: 97 + 94 values ≤ 0.97, 96 + 93 ≤ 0.965
		P95Estimate two = new P95Estimate(Metric.CPU);
		two.addDay(sketch(Metric.CPU, steps(100, 0, 0.01)), 0);
		two.addDay(sketch(Metric.CPU, steps(100, 0.5, 0.005)), 0);
		assertThat(two.p95()).isCloseTo(0.97, within(1e-6));
	}

	@Test
	void partialDaysCountExactly() {
		P95Estimate estimate = new P95Estimate(Metric.NET_IN);
		for (int i = 1; i <= 20; i++) {
			estimate.addValue(i * 1000f);
		}
		// rank ceil(0.95 × 20) = 19
		assertThat(estimate.p95()).isEqualTo(19_000.0);
		estimate.addDay(sketch(Metric.NET_IN, new float[] { 50_000f, 50_000f }), 0);
		// 22 values, rank 21: the day's 50,000 (within the code's 0.1 %)
		assertThat(estimate.p95()).isCloseTo(50_000, within(50.0));
	}

	@Test
	void aMonthOfUnlikeDaysStaysWithinTwoPercentilesOfTheExactP95() {
		Random random = new Random(12);
		for (int trial = 0; trial < 50; trial++) {
			P95Estimate estimate = new P95Estimate(Metric.CPU);
			float[] all = new float[30 * 288];
			for (int d = 0; d < 30; d++) {
				float[] day = new float[288];
				double level = random.nextDouble() * 0.6;
				double spread = random.nextDouble() * 0.4;
				for (int i = 0; i < day.length; i++) {
					day[i] = (float) Math.min(1, level + spread * Math.pow(random.nextDouble(), 1 + d % 4));
					all[d * 288 + i] = day[i];
				}
				estimate.addDay(sketch(Metric.CPU, day), 0);
			}
			Arrays.sort(all);
			double p95 = estimate.p95();
			int below = 0;
			while (below < all.length && all[below] < p95 - 1.0 / 30_000) {
				below++;
			}
			int atMost = below;
			while (atMost < all.length && all[atMost] <= p95 + 1.0 / 30_000) {
				atMost++;
			}
			assertThat((double) atMost).as("trial %d: values at or below the estimate", trial)
				.isGreaterThanOrEqualTo(0.93 * all.length);
			assertThat((double) below).as("trial %d: values below the estimate", trial)
				.isLessThanOrEqualTo(0.97 * all.length);
		}
	}

	private static byte[] sketch(Metric metric, float[] values) {
		byte[] sketch = new byte[DaySketch.BYTES];
		DaySketch.write(sketch, 0, metric, values.clone(), values.length);
		return sketch;
	}

	private static float[] steps(int n, double base, double step) {
		float[] values = new float[n];
		for (int i = 0; i < n; i++) {
			values[i] = (float) (base + (i + 1) * step);
		}
		return values;
	}

}
