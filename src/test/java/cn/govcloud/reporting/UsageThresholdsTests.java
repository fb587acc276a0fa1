package cn.govcloud.reporting;

import cn.govcloud.reporting.ReportContent.Figures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsageThresholdsTests {

	private static Figures p95(double p95) {
		return new Figures("", p95 / 2, p95, p95);
	}

	@Test
	void anInstanceIsIdleOnlyWhenBothCpuAndMemoryStayLow() {
		assertThat(UsageThresholds.idle(p95(0.09), p95(0.29))).isTrue();
		assertThat(UsageThresholds.idle(p95(0.10), p95(0.29))).as("10 % is not below 10 %").isFalse();
		assertThat(UsageThresholds.idle(p95(0.09), p95(0.31))).isFalse();
		assertThat(UsageThresholds.idle(null, p95(0.1))).as("no samples, no verdict").isFalse();
	}

	@Test
	void anInstanceIsHotWhenAnyOfCpuMemoryOrDiskIsNearFull() {
		assertThat(UsageThresholds.hot(p95(0.86), p95(0.1), null)).isTrue();
		assertThat(UsageThresholds.hot(p95(0.85), p95(0.90), null)).as("at the thresholds is not above").isFalse();
		assertThat(UsageThresholds.hot(p95(0.1), p95(0.91), null)).isTrue();
		assertThat(UsageThresholds.hot(null, null, new Figures("/data", 0.5, 0.6, 0.95))).isTrue();
		assertThat(UsageThresholds.hot(null, null, null)).isFalse();
	}

}
