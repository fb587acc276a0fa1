package cn.govcloud.shared.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PDF building blocks on their own: a long table breaks across pages with its header
 * on each, pages are numbered, the Chinese font is embedded as a subset, and a page
 * renders.
 */
class PdfDocumentTests {

	private final CjkFont font = new CjkFont("");

	@Test
	void aLongTableBreaksAcrossPagesRepeatingItsHeaderAndEveryPageIsNumbered() throws IOException {
		PdfTable table = PdfTable.of(PdfTable.Column.text("实例名称", 2), PdfTable.Column.number("数值", 1));
		for (int i = 1; i <= 150; i++) {
			table.row("主机-" + i + (i == 7 ? "，名称很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长" : ""), Integer.toString(i * 3));
		}
		byte[] bytes;
		try (PdfDocument pdf = new PdfDocument(this.font, (page, count) -> "第 " + page + " 页，共 " + count + " 页")) {
			bytes = pdf.cover("测试报告", "2026-11", List.<String[]>of(new String[] { "使用单位", "宜兴市公安局😀" }))
				.heading("资源使用")
				.chart(PdfChart.bars("CPU", List.of("甲", "乙", "丙"), new double[] { 5, 50, 95 }, (v) -> "" + (int) v))
				.chart(PdfChart.lines("趋势", List.of("甲", "乙", "丙"), (v) -> "" + (int) v)
					.series("本月", new double[] { 1, 2, 3 })
					.series("上月", new double[] { 3, 2, 1 }))
				.table(table)
				.toBytes();
		}
		try (PDDocument pdf = Loader.loadPDF(bytes)) {
			int pages = pdf.getNumberOfPages();
			assertThat(pages).isGreaterThanOrEqualTo(4);
			PDFTextStripper stripper = new PDFTextStripper();
			for (int p = 1; p <= pages; p++) {
				stripper.setStartPage(p);
				stripper.setEndPage(p);
				String text = stripper.getText(pdf);
				assertThat(text).contains("第 " + p + " 页，共 " + pages + " 页");
				if (p >= 3) {
					assertThat(text).as("page %d repeats the header", p).contains("实例名称");
				}
			}
			stripper.setStartPage(1);
			stripper.setEndPage(pages);
			String all = stripper.getText(pdf);
			assertThat(all).contains("主机-1 3\n").contains("主机-150 450\n").contains("宜兴市公安局?");
			for (int i = 1; i <= 150; i++) {
				assertThat(all).as("row %d once", i)
					.containsOnlyOnce("主机-" + i + ((i == 7) ? "，" : " " + (i * 3) + "\n"));
			}
			PdfFontsAssert.embedded(pdf.getPage(0));
			PdfFontsAssert.render(pdf, pages - 1, "table-page");
		}
	}

	@Test
	void theFontIsParsedOnceForDocumentsWrittenOneAfterAnotherAndEachEmbedsItsOwnText() throws Exception {
		CjkFont fresh = new CjkFont("");
		for (String unit : List.of("宜兴市公安局", "宜兴市教育局", "宜兴市财政局")) {
			byte[] bytes;
			try (PdfDocument pdf = new PdfDocument(fresh, (page, count) -> "第 " + page + " 页")) {
				bytes = pdf.cover("月度报告", "2026-11", List.<String[]>of(new String[] { "使用单位", unit })).toBytes();
			}
			try (PDDocument pdf = Loader.loadPDF(bytes)) {
				assertThat(new PDFTextStripper().getText(pdf)).contains(unit).contains("第 1 页");
				PdfFontsAssert.embedded(pdf.getPage(0));
			}
		}
		assertThat(fresh.parsedCopies()).as("one copy, lent again").isOne();
		java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<String>> texts = new java.util.ArrayList<>();
			for (int i = 0; i < 6; i++) {
				String unit = "单位" + i;
				texts.add(two.submit(() -> {
					try (PdfDocument pdf = new PdfDocument(fresh, (page, count) -> "第 " + page + " 页");
							PDDocument read = Loader.loadPDF(pdf.cover("报告", unit, List.of()).toBytes())) {
						return new PDFTextStripper().getText(read);
					}
				}));
			}
			for (int i = 0; i < 6; i++) {
				assertThat(texts.get(i).get()).contains("单位" + i);
			}
		}
		finally {
			two.shutdown();
		}
		assertThat(fresh.parsedCopies()).as("no more copies than documents at once").isBetween(1, 2);
	}

	@Test
	void withoutAFontThePdfIsRefusedWithWhatToInstallOrConfigure() {
		CjkFont none = new CjkFont("", List.of("/nowhere/font.ttc"));
		assertThat(none.source()).isNull();
		assertThatThrownBy(() -> new PdfDocument(none, (p, c) -> "")).isInstanceOf(PdfFontMissingException.class)
			.hasMessageContaining("govcloud.pdf.font")
			.hasMessageContaining("fonts-wqy-microhei")
			.hasMessageContaining("/nowhere/font.ttc (not there)");
		CjkFont latinOnly = new CjkFont("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
		if (Files.exists(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))) {
			assertThat(latinOnly.source()).as("a font without Chinese glyphs is not taken").isNull();
		}
	}

	@Test
	void roundNumbersEndTheValueAxis() {
		assertThat(PdfChart.roundUp(0)).isEqualTo(1);
		assertThat(PdfChart.roundUp(95)).isEqualTo(100);
		assertThat(PdfChart.roundUp(101)).isEqualTo(200);
		assertThat(PdfChart.roundUp(2100)).isEqualTo(2500);
	}

}
