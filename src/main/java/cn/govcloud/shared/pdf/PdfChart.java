package cn.govcloud.shared.pdf;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A chart drawn as vector graphics in the PDF (no browser, no image library): bars, one
 * per label, or lines, one per series over the same labels. The value axis starts at zero
 * and ends at a round number above the largest value; each bar carries its value.
 */
public final class PdfChart {

	private static final Color[] COLOURS = { new Color(37, 99, 235), new Color(234, 88, 12), new Color(22, 163, 74),
			new Color(147, 51, 234) };

	private static final Color AXIS = new Color(90, 90, 90);

	private static final Color GRID = new Color(225, 225, 225);

	private static final float HEIGHT = 220;

	private final String title;

	private final List<String> labels;

	private final List<Series> series = new ArrayList<>();

	private final boolean bars;

	private final DoubleFunction<String> format;

	private PdfChart(String title, List<String> labels, boolean bars, DoubleFunction<String> format) {
		this.title = title;
		this.labels = List.copyOf(labels);
		this.bars = bars;
		this.format = format;
	}

	/** A bar chart: one bar per label, the value written above it by {@code format}. */
	public static PdfChart bars(String title, List<String> labels, double[] values, DoubleFunction<String> format) {
		return new PdfChart(title, labels, true, format).series(null, values);
	}

	/** A line chart over {@code labels}; add each line with {@link #series}. */
	public static PdfChart lines(String title, List<String> labels, DoubleFunction<String> format) {
		return new PdfChart(title, labels, false, format);
	}

	/** A line (or the bars) named {@code name}, one value per label. */
	public PdfChart series(String name, double[] values) {
		if (values.length != this.labels.size()) {
			throw new IllegalArgumentException(values.length + " values for " + this.labels.size() + " labels");
		}
		this.series.add(new Series(name, values.clone()));
		return this;
	}

	float height() {
		return HEIGHT;
	}

	void draw(PdfDocument pdf, float x, float y, float width) {
		pdf.text(x, y + HEIGHT - 12, 11, this.title);
		float left = x + 45;
		float bottom = y + 40;
		float plotWidth = width - 55;
		float plotHeight = HEIGHT - 80;
		double top = roundUp(
				this.series.stream().flatMapToDouble((s) -> java.util.Arrays.stream(s.values())).max().orElse(0));
		for (int tick = 0; tick <= 4; tick++) {
			float ty = bottom + plotHeight * tick / 4;
			pdf.polyline(new float[] { left, left + plotWidth }, new float[] { ty, ty }, (tick == 0) ? AXIS : GRID,
					0.5f);
			String value = this.format.apply(top * tick / 4);
			pdf.text(left - 4 - pdf.textWidth(value, 7), ty - 2.5f, 7, value);
		}
		int n = Math.max(1, this.labels.size());
		float slot = plotWidth / n;
		for (int i = 0; i < this.labels.size(); i++) {
			String label = pdf.fit(this.labels.get(i), 6.5f, slot - 2);
			pdf.text(left + slot * i + (slot - pdf.textWidth(label, 6.5f)) / 2, bottom - 10, 6.5f, label);
		}
		for (int s = 0; s < this.series.size(); s++) {
			double[] values = this.series.get(s).values();
			Color colour = COLOURS[s % COLOURS.length];
			if (this.bars) {
				drawBars(pdf, values, colour, left, bottom, slot, plotHeight, top);
			}
			else {
				drawLine(pdf, values, colour, left, bottom, slot, plotHeight, top);
			}
		}
		legend(pdf, left, y + 12);
	}

	private void drawBars(PdfDocument pdf, double[] values, Color colour, float left, float bottom, float slot,
			float plotHeight, double top) {
		for (int i = 0; i < values.length; i++) {
			float h = (float) (plotHeight * values[i] / top);
			float barWidth = Math.min(slot * 0.7f, 36);
			if (h > 0) {
				pdf.rectangle(left + slot * i + (slot - barWidth) / 2, bottom, barWidth, h, colour, null);
			}
			String value = this.format.apply(values[i]);
			if (pdf.textWidth(value, 6.5f) <= slot) {
				pdf.text(left + slot * i + (slot - pdf.textWidth(value, 6.5f)) / 2, bottom + h + 2, 6.5f, value);
			}
		}
	}

	private void drawLine(PdfDocument pdf, double[] values, Color colour, float left, float bottom, float slot,
			float plotHeight, double top) {
		float[] xs = new float[values.length];
		float[] ys = new float[values.length];
		for (int i = 0; i < values.length; i++) {
			xs[i] = left + slot * i + slot / 2;
			ys[i] = bottom + (float) (plotHeight * values[i] / top);
			pdf.rectangle(xs[i] - 1.5f, ys[i] - 1.5f, 3, 3, colour, null);
		}
		if (values.length > 1) {
			pdf.polyline(xs, ys, colour, 1.2f);
		}
	}

	private void legend(PdfDocument pdf, float x, float y) {
		float at = x;
		for (int s = 0; s < this.series.size(); s++) {
			String name = this.series.get(s).name();
			if (name == null) {
				continue;
			}
			pdf.rectangle(at, y, 8, 8, COLOURS[s % COLOURS.length], null);
			pdf.text(at + 11, y + 1, 8, name);
			at += 20 + pdf.textWidth(name, 8);
		}
	}

	/** 1, 2, 2.5 or 5 times a power of ten at or above {@code max}; 1 for nothing. */
	static double roundUp(double max) {
		if (!(max > 0)) {
			return 1;
		}
		double power = Math.pow(10, Math.floor(Math.log10(max)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * power >= max) {
				return step * power;
			}
		}
		return 10 * power;
	}

	private record Series(String name, double[] values) {
	}

}
