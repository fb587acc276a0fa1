package cn.govcloud.organization;

import java.util.Map;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Salted slow password hashes: Argon2id or PBKDF2-HMAC-SM3, chosen by
 * {@code govcloud.security.password.hash}. A stored hash of the other kind still verifies
 * and is re-hashed with the chosen one at the next successful login.
 */
@Component
class PasswordHashing {

	static final String ARGON2 = "argon2";

	static final String PBKDF2_SM3 = "pbkdf2-sm3";

	/**
	 * Verified against when the username is unknown, so both paths take the same time.
	 */
	private final String dummyHash;

	private final DelegatingPasswordEncoder encoder;

	PasswordHashing(PasswordSettings settings) {
		String id = PBKDF2_SM3.equals(settings.hash()) ? PBKDF2_SM3 : ARGON2;
		Map<String, PasswordEncoder> encoders = Map.of(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
				PBKDF2_SM3, new Pbkdf2Sm3PasswordEncoder());
		this.encoder = new DelegatingPasswordEncoder(id, encoders);
		this.dummyHash = this.encoder.encode("not-a-password-of-anyone");
	}

	String hash(String rawPassword) {
		return this.encoder.encode(rawPassword);
	}

	boolean matches(String rawPassword, String hash) {
		try {
			return this.encoder.matches(rawPassword, hash);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	boolean needsUpgrade(String hash) {
		return this.encoder.upgradeEncoding(hash);
	}

	void spendTimeForUnknownUser(String rawPassword) {
		this.encoder.matches(rawPassword, this.dummyHash);
	}

}
