package cn.govcloud.organization;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Pbkdf2Sm3PasswordEncoderTests {

	private final Pbkdf2Sm3PasswordEncoder encoder = new Pbkdf2Sm3PasswordEncoder();

	@Test
	void verifiesTheRightPasswordOnly() {
		String hash = this.encoder.encode("Correct#Horse1");
		assertThat(this.encoder.matches("Correct#Horse1", hash)).isTrue();
		assertThat(this.encoder.matches("Correct#Horse2", hash)).isFalse();
	}

	@Test
	void saltsEveryHash() {
		assertThat(this.encoder.encode("Same#Password1")).isNotEqualTo(this.encoder.encode("Same#Password1"));
	}

	@Test
	void storesIterationsSaltAndHash() {
		String[] parts = this.encoder.encode("Abc#12345").split("\\$");
		assertThat(parts).hasSize(3);
		assertThat(Integer.parseInt(parts[0])).isEqualTo(Pbkdf2Sm3PasswordEncoder.ITERATIONS);
	}

	@Test
	void refusesMalformedHashesWithoutFailing() {
		assertThat(this.encoder.matches("x", "garbage")).isFalse();
		assertThat(this.encoder.matches("x", "1$%%%$%%%")).isFalse();
		assertThat(this.encoder.matches("x", null)).isFalse();
	}

	@Test
	void asksForAnUpgradeOfWeakerHashes() {
		assertThat(this.encoder.upgradeEncoding("1000$AAAA$AAAA")).isTrue();
		assertThat(this.encoder.upgradeEncoding(this.encoder.encode("Abc#12345"))).isFalse();
	}

}
