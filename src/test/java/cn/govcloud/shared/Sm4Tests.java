package cn.govcloud.shared;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class Sm4Tests {

	private static final HexFormat HEX = HexFormat.of();

	private static final SecretField PHONE = new SecretField("app_user", "id", "phone");

	private static final SecretField EMAIL = new SecretField("app_user", "id", "email");

	@Test
	void theStandardsFirstExampleEncryptsOneBlock() {
		// GB/T 32907-2016 Appendix A.1: key and plaintext
		// 0123456789abcdeffedcba9876543210.
		byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
		assertThat(HEX.formatHex(Sm4.encryptBlock(key, key))).isEqualTo("681edf34d206965e86b3e94f536e4246");
	}

	@Test
	void theStandardsSecondExampleEncryptsAMillionTimes() {
		// GB/T 32907-2016 Appendix A.2: the same block encrypted 1,000,000 times with the
		// same key.
		byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
		byte[] block = key.clone();
		for (int i = 0; i < 1_000_000; i++) {
			block = Sm4.encryptBlock(key, block);
		}
		assertThat(HEX.formatHex(block)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
	}

	@Test
	void aSealedValueNamesItsKeyHidesThePlaintextAndOpens() {
		FieldCipher cipher = FieldCipher.of("k1:000102030405060708090a0b0c0d0e0f");
		String sealed = cipher.seal(PHONE, "0510-87654321");
		assertThat(sealed).startsWith("sm4:k1:").doesNotContain("87654321");
		assertThat(cipher.open(PHONE, sealed)).isEqualTo("0510-87654321");
		assertThat(cipher.seal(PHONE, "0510-87654321")).as("a fresh nonce each time").isNotEqualTo(sealed);
		assertThat(cipher.seal(PHONE, null)).isNull();
		assertThat(cipher.open(EMAIL, "张三@example.cn")).as("plaintext from before encryption reads as it is")
			.isEqualTo("张三@example.cn");
	}

	@Test
	void aValueMovedToAnotherColumnOrAlteredDoesNotOpen() {
		FieldCipher cipher = FieldCipher.of("k1:000102030405060708090a0b0c0d0e0f");
		String sealed = cipher.seal(PHONE, "13800000000");
		assertThatIllegalArgumentException().isThrownBy(() -> cipher.open(EMAIL, sealed));
		byte[] raw = java.util.Base64.getDecoder().decode(sealed.substring("sm4:k1:".length()));
		raw[raw.length - 1] ^= 1;
		String altered = "sm4:k1:" + java.util.Base64.getEncoder().encodeToString(raw);
		assertThatIllegalArgumentException().isThrownBy(() -> cipher.open(PHONE, altered));
	}

	@Test
	void aThreadOpeningManyValuesWithOneKeyOpensEachAndStillRefusesTheAlteredOrMisplaced() {
		FieldCipher cipher = FieldCipher.of("k1:000102030405060708090a0b0c0d0e0f");
		FieldCipher other = FieldCipher.of("k1:ffeeddccbbaa99887766554433221100");
		String phone = cipher.seal(PHONE, "13800000000");
		String email = cipher.seal(EMAIL, "a@b.cn");
		for (int i = 0; i < 3; i++) {
			assertThat(cipher.open(PHONE, phone)).isEqualTo("13800000000");
			assertThatIllegalArgumentException().as("another context").isThrownBy(() -> cipher.open(EMAIL, phone));
			assertThatIllegalArgumentException().as("another key under the same id")
				.isThrownBy(() -> other.open(PHONE, phone));
			assertThat(cipher.open(EMAIL, email)).as("after a refusal, the next value opens").isEqualTo("a@b.cn");
			assertThat(cipher.open(PHONE, cipher.seal(PHONE, "0510-" + i))).isEqualTo("0510-" + i);
		}
	}

	@Test
	void oldKeysStillOpenAfterANewKeyBecomesCurrent() {
		FieldCipher before = FieldCipher.of("k1:000102030405060708090a0b0c0d0e0f");
		String old = before.seal(EMAIL, "a@b.cn");
		FieldCipher after = FieldCipher.of("k1:000102030405060708090a0b0c0d0e0f",
				"k2:ffeeddccbbaa99887766554433221100");
		assertThat(after.open(EMAIL, old)).isEqualTo("a@b.cn");
		assertThat(after.current(old)).isFalse();
		assertThat(after.seal(EMAIL, "a@b.cn")).startsWith("sm4:k2:");
		FieldCipher without = FieldCipher.of("k2:ffeeddccbbaa99887766554433221100");
		assertThatIllegalStateException().isThrownBy(() -> without.open(EMAIL, old)).withMessageContaining("'k1'");
	}

	@Test
	void aMalformedKeyIsNamed() {
		assertThatIllegalStateException().isThrownBy(() -> FieldCipher.of("k1:0011"))
			.withMessageContaining("govcloud.crypto.keys[0]");
		assertThatIllegalStateException()
			.isThrownBy(
					() -> FieldCipher.of("k1:000102030405060708090a0b0c0d0e0f", "k1:000102030405060708090a0b0c0d0e0f"))
			.withMessageContaining("twice");
	}

	@Test
	void aKeyFileIsMadeOnceAndGrowsByRotation(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws Exception {
		java.nio.file.Path file = dir.resolve("keys/sm4.keys");
		FieldCipher first = new FieldCipher(new CryptoSettings(java.util.List.of(), file, false));
		String sealed = first.seal(PHONE, "110");
		FieldCipher again = new FieldCipher(new CryptoSettings(java.util.List.of(), file, false));
		assertThat(again.open(PHONE, sealed)).as("the same file, the same key").isEqualTo("110");
		assertThat(again.addKey()).isEqualTo("k2");
		FieldCipher rotated = new FieldCipher(new CryptoSettings(java.util.List.of(), file, false));
		assertThat(rotated.currentKeyId()).isEqualTo("k2");
		assertThat(rotated.open(PHONE, sealed)).isEqualTo("110");
		assertThat(java.nio.file.Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
				java.nio.file.attribute.PosixFilePermission.OWNER_READ,
				java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
		assertThat(java.nio.file.Files.readString(file, StandardCharsets.UTF_8)).contains("k1:", "k2:");
	}

}
