package cn.govcloud.world;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * Utilisation shaped like real machines: a working-day rhythm (busy 9:00–17:00 city time,
 * quiet nights, quieter weekends), a share idle, a share running hot, noise, a few
 * missing days; memory level and slowly growing disk; network following the CPU.
 */
final class Shapes {

	static final int PER_DAY = 288;

	private static final ZoneOffset CITY = ZoneOffset.ofHours(8);

	private static final long SECONDS_PER_DAY = 86_400;

	private Shapes() {
	}

	/** How busy a host runs: 0 idle, 1 normal, 2 hot. */
	static int temper(int profile) {
		return (profile < 20) ? 0 : (profile < 85) ? 1 : 2;
	}

	/** CPU ratio (0..1) per 5 minutes from {@code start}; NaN on missing days. */
	static double[] cpu(Instant start, int points, int profile, Random noise) {
		double[] values = new double[points];
		int temper = temper(profile);
		// the host's own level and peak stay the same whichever window is written
		Random random = new Random(profile * 7919L + 17);
		double base = switch (temper) {
			case 0 -> 0.01 + random.nextDouble() * 0.03;
			case 1 -> 0.05 + random.nextDouble() * 0.10;
			default -> 0.45 + random.nextDouble() * 0.25;
		};
		double peak = switch (temper) {
			case 0 -> 0.02;
			case 1 -> 0.15 + random.nextDouble() * 0.35;
			default -> 0.25 + random.nextDouble() * 0.2;
		};
		for (int i = 0; i < points; i++) {
			long at = start.getEpochSecond() + 300L * i;
			double day = Math.max(0, Math.sin(Math.PI * (hour(at) - 8) / 10));
			boolean weekend = weekend(at);
			double value = base + peak * day * (weekend ? 0.3 : 1) + noise.nextGaussian() * 0.015;
			values[i] = clamp(value);
		}
		missingDays(values, start, profile, noise);
		return values;
	}

	/**
	 * The city's hour and minute at {@code epochSecond} as hours: by arithmetic, since a
	 * ZoneOffset's rules per point cost more than the rest of the shape.
	 */
	static double hour(long epochSecond) {
		int second = (int) Math.floorMod(epochSecond + CITY.getTotalSeconds(), SECONDS_PER_DAY);
		return second / 3600 + (second % 3600) / 60 / 60.0;
	}

	/** Whether {@code epochSecond} falls on a Saturday or Sunday in the city. */
	static boolean weekend(long epochSecond) {
		long day = Math.floorDiv(epochSecond + CITY.getTotalSeconds(), SECONDS_PER_DAY);
		// 1970-01-01 was a Thursday
		DayOfWeek weekday = DayOfWeek.of((int) Math.floorMod(day + 3, 7) + 1);
		return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
	}

	static double[] memory(double[] cpu, int profile, Random random) {
		double level = 0.3 + (profile * 37 % 50) / 100.0;
		double[] values = new double[cpu.length];
		for (int i = 0; i < cpu.length; i++) {
			values[i] = Double.isNaN(cpu[i]) ? Double.NaN
					: clamp(level + cpu[i] * 0.15 + random.nextGaussian() * 0.005);
		}
		return values;
	}

	static double[] disk(double[] cpu, int profile, Random random) {
		double level = 0.2 + (profile * 53 % 50) / 100.0;
		double[] values = new double[cpu.length];
		for (int i = 0; i < cpu.length; i++) {
			values[i] = Double.isNaN(cpu[i]) ? Double.NaN : clamp(level + random.nextDouble() * 0.002);
		}
		return values;
	}

	/** Bits per second following the CPU, up to {@code scale}. */
	static double[] network(double[] cpu, double scale, Random random) {
		double[] values = new double[cpu.length];
		for (int i = 0; i < cpu.length; i++) {
			values[i] = Double.isNaN(cpu[i]) ? Double.NaN
					: Math.max(1000, scale * cpu[i] * (0.8 + random.nextDouble() * 0.4));
		}
		return values;
	}

	/** One host in twelve misses one to three whole days (an agent down). */
	private static void missingDays(double[] values, Instant start, int profile, Random random) {
		int days = 1 + random.nextInt(3);
		if (profile % 12 != 5 || values.length <= PER_DAY * (days + 1)) {
			return;
		}
		int from = random.nextInt(values.length - PER_DAY * days);
		java.util.Arrays.fill(values, from, from + PER_DAY * days, Double.NaN);
	}

	private static double clamp(double value) {
		return Math.min(1, Math.max(0, value));
	}

}
