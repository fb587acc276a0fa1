package cn.govcloud.metering;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RollupMathTests {

	private static final UUID HOST = UUID.randomUUID();

	private static final long T0 = 1_800_000_000_000L - (1_800_000_000_000L % RollupMath.FIVE_MINUTES_MS);

	@Test
	void aCounterBelowItsPreviousValueWasReset() {
		assertThat(RollupMath.increase(100, 160)).isEqualTo(60);
		assertThat(RollupMath.increase(1_000_000, 40)).isEqualTo(40);
	}

	@Test
	void networkRatesSurviveACounterResetAndBecomeBitsPerSecond() {
		RollupMath math = new RollupMath();
		RollupMath.Series eth0 = new RollupMath.Series(1, HOST, SeriesKind.NET_RX_BYTES, "eth0");
		RollupMath.State state = new RollupMath.State();
		math.add(eth0, state, T0, 1_000_000, Double.NaN);
		math.add(eth0, state, T0 + 60_000, 1_600_000, Double.NaN);
		math.add(eth0, state, T0 + 120_000, 300_000, Double.NaN);
		RollupMath.Cell cell = math.cells().get(new RollupMath.CellKey(HOST, Metric.NET_IN, "eth0", T0));
		assertThat(cell.count).isEqualTo(2);
		assertThat(cell.max).isCloseTo(600_000 * 8 / 60.0, within(1e-6));
		assertThat(cell.sum / cell.count).isCloseTo((600_000 + 300_000) * 8 / 60.0 / 2, within(1e-6));
		assertThat(state.lastValue).isEqualTo(300_000);
	}

	@Test
	void cpuIsOneMinusTheAverageIdleRateOverTheCpus() {
		RollupMath math = new RollupMath();
		RollupMath.Series cpu0 = new RollupMath.Series(1, HOST, SeriesKind.CPU_IDLE, "");
		RollupMath.Series cpu1 = new RollupMath.Series(2, HOST, SeriesKind.CPU_IDLE, "");
		RollupMath.State s0 = new RollupMath.State();
		RollupMath.State s1 = new RollupMath.State();
		math.add(cpu0, s0, T0, 1000, Double.NaN);
		math.add(cpu1, s1, T0, 2000, Double.NaN);
		// 60 s later: cpu0 idle 54 s (10 % busy), cpu1 idle 30 s (50 % busy)
		math.add(cpu0, s0, T0 + 60_000, 1054, Double.NaN);
		math.add(cpu1, s1, T0 + 60_000, 2030, Double.NaN);
		// then cpu1 is reset (reboot): idle 12 s of 60 → 80 % busy; cpu0 idle 60 s → 0 %
		math.add(cpu0, s0, T0 + 120_000, 1114, Double.NaN);
		math.add(cpu1, s1, T0 + 120_000, 12, Double.NaN);
		Map<RollupMath.CellKey, RollupMath.Cell> cells = math.cells();
		RollupMath.Cell cell = cells.get(new RollupMath.CellKey(HOST, Metric.CPU, "", T0));
		assertThat(cell.count).isEqualTo(4);
		assertThat(cell.sum / cell.count).isCloseTo((0.1 + 0.5 + 0.0 + 0.8) / 4, within(1e-9));
		assertThat(cell.max).isCloseTo(0.4, within(1e-9));
	}

	@Test
	void memoryAndDiskAreOneMinusAvailableOverTotal() {
		RollupMath math = new RollupMath();
		RollupMath.Series available = new RollupMath.Series(3, HOST, SeriesKind.MEM_AVAILABLE, "");
		math.add(available, new RollupMath.State(), T0 + 1000, 24e9, 32e9);
		RollupMath.Series avail = new RollupMath.Series(4, HOST, SeriesKind.FS_AVAIL, "/data");
		math.add(avail, new RollupMath.State(), T0 + 1000, 10e9, 100e9);
		RollupMath.Series withoutTotal = new RollupMath.Series(5, UUID.randomUUID(), SeriesKind.MEM_AVAILABLE, "");
		math.add(withoutTotal, new RollupMath.State(), T0, 1, Double.NaN);
		Map<RollupMath.CellKey, RollupMath.Cell> cells = math.cells();
		assertThat(cells.get(new RollupMath.CellKey(HOST, Metric.MEMORY, "", T0)).sum).isCloseTo(0.25, within(1e-9));
		assertThat(cells.get(new RollupMath.CellKey(HOST, Metric.DISK, "/data", T0)).sum).isCloseTo(0.9, within(1e-9));
		assertThat(cells).hasSize(2);
	}

	@Test
	void aLongGapGivesNoRateAndOldSamplesAreSkipped() {
		RollupMath math = new RollupMath();
		RollupMath.Series eth0 = new RollupMath.Series(1, HOST, SeriesKind.NET_TX_BYTES, "eth0");
		RollupMath.State state = new RollupMath.State();
		math.add(eth0, state, T0, 0, Double.NaN);
		math.add(eth0, state, T0 + RollupMath.MAX_GAP_MS + 1, 1000, Double.NaN);
		math.add(eth0, state, T0, 5, Double.NaN);
		assertThat(math.cells()).isEmpty();
		assertThat(state.lastValue).isEqualTo(1000);
	}

}
