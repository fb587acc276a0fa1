package cn.govcloud.identity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-time codes of RFC 6238, its secrets in Base32, the QR code that carries them.
 */
class TotpTests {

	/** RFC 6238 appendix B: the SHA-1 seed, the times and the 8-digit codes. */
	private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void computesTheTestVectorsOfRfc6238() {
		long[] times = { 59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L };
		String[] codes = { "94287082", "07081804", "14050471", "89005924", "69279037", "65353130" };
		for (int i = 0; i < times.length; i++) {
			assertThat(Totp.code(RFC_SEED, Totp.step(times[i]), 8)).as("T = %d", times[i]).isEqualTo(codes[i]);
		}
	}

	@Test
	void sixDigitsAreTheLastSixOfTheTruncation() {
		assertThat(Totp.code(RFC_SEED, Totp.step(59L))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SEED, Totp.step(1111111109L))).isEqualTo("081804");
	}

	@Test
	void acceptsOneStepEitherSideAndNoMore() {
		long now = Totp.step(1234567890L);
		for (long offset = -1; offset <= 1; offset++) {
			assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, now + offset), now, 0)).isEqualTo(now + offset);
		}
		assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, now - 2), now, 0)).isEqualTo(-1);
		assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, now + 2), now, 0)).isEqualTo(-1);
	}

	@Test
	void aCodeOfAStepAlreadyUsedOrEarlierIsRefused() {
		long now = Totp.step(1234567890L);
		assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, now), now, now)).isEqualTo(-1);
		assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, now - 1), now, now)).isEqualTo(-1);
		assertThat(Totp.match(RFC_SEED, Totp.code(RFC_SEED, now + 1), now, now)).isEqualTo(now + 1);
	}

	@Test
	void refusesWhatIsNotSixDigits() {
		long now = Totp.step(59L);
		assertThat(Totp.match(RFC_SEED, null, now, 0)).isEqualTo(-1);
		assertThat(Totp.match(RFC_SEED, "94287082", now, 0)).isEqualTo(-1);
		assertThat(Totp.match(RFC_SEED, "28708x", now, 0)).isEqualTo(-1);
		assertThat(Totp.match(RFC_SEED, " 287 082 ", now, 0)).isEqualTo(now);
	}

	@Test
	void base32IsRfc4648() {
		assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
		assertThat(new String(Base32.decode("mzxw 6ytb oi"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
		byte[] secret = Totp.newSecret();
		assertThat(Base32.decode(Base32.encode(secret))).isEqualTo(secret);
		assertThat(Base32.encode(secret)).hasSize(32);
	}

	@Test
	void theQrCodeDrawnReadsBackAsTheOtpauthUri() throws Exception {
		String uri = "otpauth://totp/GovCloud%3Asecadmin?secret=" + Base32.encode(RFC_SEED)
				+ "&issuer=GovCloud&algorithm=SHA1&digits=6&period=30";
		String svg = QrCodeSvg.of(uri);
		assertThat(svg).startsWith("<svg").doesNotContain("<script");
		Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
		assertThat(box.find()).isTrue();
		int size = Integer.parseInt(box.group(1));
		int margin = 4;
		List<int[]> dark = new ArrayList<>();
		Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
		while (module.find()) {
			dark.add(new int[] { Integer.parseInt(module.group(1)), Integer.parseInt(module.group(2)) });
		}
		BitMatrix bits = new BitMatrix(size - 2 * margin);
		dark.forEach((xy) -> bits.set(xy[0] - margin, xy[1] - margin));
		assertThat(new Decoder().decode(bits).getText()).isEqualTo(uri);
	}

}
