package cn.govcloud.rightsizing;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import cn.govcloud.metering.Metric;
import cn.govcloud.metering.UtilisationHistory;

/** What the rightsizing tests share: flat utilisation and a start line for races. */
public final class RightsizingFixtures {

	private RightsizingFixtures() {
	}

	/** Ten days of five-minute samples, all {@code value}, from {@code start}. */
	public static UtilisationHistory.Series flat(UUID instance, Metric metric, Instant start, double value) {
		double[] values = new double[10 * 288];
		Arrays.fill(values, value);
		return new UtilisationHistory.Series(instance, metric, "", start, values);
	}

	/** Waits for the start line, so that two requests go at once. */
	public static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
