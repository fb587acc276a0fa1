package cn.govcloud.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The budget's derived figures (Art. 18), each null where there is nothing to divide. */
final class BudgetMath {

	private BudgetMath() {
	}

	/** A ratio 0..1 as per cent with one decimal. */
	static double percent(double ratio) {
		return Math.round(ratio * 1000) / 10.0;
	}

	/** This year's fees against last year's, in per cent with one decimal. */
	static Double change(BigDecimal fees, BigDecimal previous) {
		if (previous.signum() == 0) {
			return null;
		}
		return percent(fees.subtract(previous).doubleValue() / previous.doubleValue());
	}

	/**
	 * Fees per vCPU actually used: the fees over the vCPUs held times their average CPU
	 * utilisation (100 vCPUs at 20 % use 20), rounded half-up to the fen; null without a
	 * measurement or with (almost) nothing used.
	 */
	static BigDecimal perUsedVcpu(BigDecimal fees, long vcpus, Double cpuAvgPercent) {
		if (cpuAvgPercent == null || vcpus == 0) {
			return null;
		}
		BigDecimal used = BigDecimal.valueOf(vcpus).multiply(BigDecimal.valueOf(cpuAvgPercent)).movePointLeft(2);
		if (used.compareTo(new BigDecimal("0.01")) < 0) {
			return null;
		}
		return fees.divide(used, 2, RoundingMode.HALF_UP);
	}

}
