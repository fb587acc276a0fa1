package cn.govcloud.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords of RFC 6238 as authenticator apps compute them:
 * HMAC-SHA1, a 30-second step, 6 digits; a code of the step before or after is accepted
 * too (a phone's clock a little off).
 */
final class Totp {

	static final int STEP_SECONDS = 30;

	static final int DIGITS = 6;

	/** Steps either side of the current one whose codes are accepted. */
	static final int TOLERANCE = 1;

	/** 160-bit secrets, as RFC 4226 recommends for HMAC-SHA1. */
	static final int SECRET_BYTES = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	static byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return secret;
	}

	/** The time step of an instant: seconds since the epoch divided by 30. */
	static long step(long epochSeconds) {
		return Math.floorDiv(epochSeconds, STEP_SECONDS);
	}

	/** The code of a time step with {@code digits} digits (RFC 4226 truncation). */
	static String code(byte[] secret, long step, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			int otp = binary % (int) Math.pow(10, digits);
			return String.format("%0" + digits + "d", otp);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 unavailable", ex);
		}
	}

	static String code(byte[] secret, long step) {
		return code(secret, step, DIGITS);
	}

	/**
	 * The step whose code {@code given} is, within the tolerance around
	 * {@code currentStep} and later than {@code lastUsedStep} (a code accepted once is
	 * never accepted again); {@code -1} when none.
	 */
	static long match(byte[] secret, String given, long currentStep, long lastUsedStep) {
		if (given == null) {
			return -1;
		}
		String code = given.replace(" ", "").strip();
		if (code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
			return -1;
		}
		long found = -1;
		for (long step = currentStep - TOLERANCE; step <= currentStep + TOLERANCE; step++) {
			if (step > lastUsedStep
					&& java.security.MessageDigest.isEqual(code(secret, step).getBytes(), code.getBytes())) {
				found = step;
			}
		}
		return found;
	}

}
