package cn.govcloud.organization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * PBKDF2 with HMAC-SM3 (GB/T 32905), for deployments that must use the national
 * algorithms. Stored as {@code iterations$salt$hash} with Base64 salt and hash.
 */
class Pbkdf2Sm3PasswordEncoder implements PasswordEncoder {

	static final int ITERATIONS = 50_000;

	private static final int SALT_BYTES = 16;

	private static final int HASH_BITS = 256;

	private final SecureRandom random = new SecureRandom();

	@Override
	public String encode(CharSequence rawPassword) {
		byte[] salt = new byte[SALT_BYTES];
		this.random.nextBytes(salt);
		return ITERATIONS + "$" + base64(salt) + "$" + base64(derive(rawPassword, salt, ITERATIONS));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		String[] parts = (encodedPassword != null) ? encodedPassword.split("\\$") : new String[0];
		if (parts.length != 3) {
			return false;
		}
		try {
			int iterations = Integer.parseInt(parts[0]);
			byte[] salt = Base64.getDecoder().decode(parts[1]);
			byte[] expected = Base64.getDecoder().decode(parts[2]);
			return MessageDigest.isEqual(expected, derive(rawPassword, salt, iterations));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		String[] parts = encodedPassword.split("\\$");
		return parts.length != 3 || Integer.parseInt(parts[0]) < ITERATIONS;
	}

	private static byte[] derive(CharSequence rawPassword, byte[] salt, int iterations) {
		PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SM3Digest());
		generator.init(rawPassword.toString().getBytes(StandardCharsets.UTF_8), salt, iterations);
		return ((KeyParameter) generator.generateDerivedParameters(HASH_BITS)).getKey();
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

}
