package cn.govcloud.reporting;

import cn.govcloud.reporting.ReportContent.Figures;

/**
 * The stated thresholds the report's optimisation suggestions come from (Art. 12), until
 * the surplus-release recommendations exist (ADR 0022). Over the month's 5-minute
 * averages:
 * <ul>
 * <li><strong>idle</strong>: CPU p95 below 10 % and memory p95 below 30 % — the resources
 * could be reduced or released;</li>
 * <li><strong>hot</strong>: CPU p95 above 85 %, or memory p95 above 90 %, or the busiest
 * disk's maximum above 90 % — the resources should be reviewed for an increase.</li>
 * </ul>
 * An instance without CPU or memory samples is neither.
 */
final class UsageThresholds {

	static final double IDLE_CPU_P95 = 0.10;

	static final double IDLE_MEMORY_P95 = 0.30;

	static final double HOT_CPU_P95 = 0.85;

	static final double HOT_MEMORY_P95 = 0.90;

	static final double HOT_DISK_MAX = 0.90;

	private UsageThresholds() {
	}

	static boolean idle(Figures cpu, Figures memory) {
		return cpu != null && memory != null && cpu.p95() < IDLE_CPU_P95 && memory.p95() < IDLE_MEMORY_P95;
	}

	static boolean hot(Figures cpu, Figures memory, Figures disk) {
		return (cpu != null && cpu.p95() > HOT_CPU_P95) || (memory != null && memory.p95() > HOT_MEMORY_P95)
				|| (disk != null && disk.max() > HOT_DISK_MAX);
	}

}
