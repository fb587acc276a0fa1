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

/** What every PDF test checks: the fonts embedded, a page that renders with ink on it. */
public final class PdfFontsAssert {

	private PdfFontsAssert() {
	}

	/** Every font of the page embedded (a TrueType subset: FontFile2). */
	public static void embedded(PDPage page) throws IOException {
		int fonts = 0;
		for (COSName name : page.getResources().getFontNames()) {
			PDFont font = page.getResources().getFont(name);
			assertThat(font.isEmbedded()).as(font.getName()).isTrue();
			assertThat(font).isInstanceOf(PDType0Font.class);
			assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
			assertThat(font.getName()).as("a subset is tagged ABCDEF+").matches("[A-Z]{6}\\+.*");
			fonts++;
		}
		assertThat(fonts).isPositive();
	}

	/** A page as PNG under target/, to look at; it must not be blank. */
	public static Path render(PDDocument pdf, int page, String name) throws IOException {
		BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(page, 72);
		Path out = Path.of("target", "pdf-pages", name + ".png");
		Files.createDirectories(out.getParent());
		ImageIO.write(image, "png", out.toFile());
		int dark = 0;
		for (int x = 0; x < image.getWidth(); x += 2) {
			for (int y = 0; y < image.getHeight(); y += 2) {
				if ((image.getRGB(x, y) & 0xFF) < 128) {
					dark++;
				}
			}
		}
		assertThat(dark).as("ink on the rendered page").isGreaterThan(200);
		return out;
	}

}
