package cn.govcloud.metering;

import java.util.Arrays;

/**
 * One series' 5-minute points of one city day, summed up for its daily rollup (ADR 0035):
 * the consumer's seal and {@link UtilisationHistory} both go through this, so their rows
 * are the same. Sums are taken in slot order; averages and maxima as real, as packed.
 */
final class CityDaySummary {

	private final float[] average = new float[DayCells.SLOTS];

	private final int[] count = new int[DayCells.SLOTS];

	private final float[] max = new float[DayCells.SLOTS];

	private boolean empty = true;

	/** A 5-minute point: slot of the city day, its average, samples and maximum. */
	void add(int slot, float slotAverage, int samples, float slotMax) {
		this.average[slot] = slotAverage;
		this.count[slot] = samples;
		this.max[slot] = slotMax;
		this.empty = false;
	}

	boolean isEmpty() {
		return this.empty;
	}

	/** Writes the day into {@code day} (0-based) of its month row. */
	void into(MonthRow row, int day) {
		double sum = 0;
		long samples = 0;
		float highest = Float.NEGATIVE_INFINITY;
		float[] values = new float[DayCells.SLOTS];
		int n = 0;
		for (int slot = 0; slot < DayCells.SLOTS; slot++) {
			if (this.count[slot] > 0) {
				sum += (double) this.average[slot] * this.count[slot];
				samples += this.count[slot];
				highest = Math.max(highest, this.max[slot]);
				values[n++] = this.average[slot];
			}
		}
		row.set(day, (float) (sum / samples), highest, samples, values, n);
	}

	void clear() {
		Arrays.fill(this.count, 0);
		this.empty = true;
	}

}
