package cn.govcloud.rightsizing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The realised savings per month as a bar chart drawn on the server (an SVG in the page:
 * no script, nothing to fetch): each bar's place and height in a {@link #WIDTH} ×
 * {@link #HEIGHT} view box, the tallest month filling {@link #PLOT} units.
 */
public record SavingsChart(List<Bar> bars, String top) {

	static final int WIDTH = 720;

	static final int HEIGHT = 240;

	static final int PLOT = 180;

	/** Where the bars stand: the plot's bottom. */
	static final int BASE = 200;

	static SavingsChart of(List<YearMonth> months, List<BigDecimal> values) {
		BigDecimal max = values.stream().reduce(BigDecimal.ZERO, BigDecimal::max);
		int slot = (WIDTH - 60) / Math.max(1, months.size());
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < months.size(); i++) {
			BigDecimal value = values.get(i);
			int height = (max.signum() > 0) ? value.max(BigDecimal.ZERO)
				.multiply(BigDecimal.valueOf(PLOT))
				.divide(max, 0, RoundingMode.HALF_UP)
				.intValue() : 0;
			bars.add(new Bar(60 + i * slot + slot / 6, BASE - height, slot * 2 / 3, height, months.get(i).toString(),
					value));
		}
		return new SavingsChart(bars, max.setScale(2, RoundingMode.HALF_UP).toPlainString());
	}

	public int width() {
		return WIDTH;
	}

	public int height() {
		return HEIGHT;
	}

	public int base() {
		return BASE;
	}

	/** One month's bar: left, top, width, height, the month and the amount. */
	public record Bar(int x, int y, int width, int height, String month, BigDecimal value) {

		public int labelX() {
			return this.x + this.width / 2;
		}

	}

}
