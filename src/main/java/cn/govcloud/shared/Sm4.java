package cn.govcloud.shared;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The SM4 block cipher of GB/T 32907 (128-bit key and block), used in GCM mode so that a
 * stored value is both secret and tamper-evident (issue 19, ADR 0033).
 */
public final class Sm4 {

	/** Key and block length in bytes. */
	public static final int BLOCK = 16;

	private static final int NONCE = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Keys whose decrypting cipher a thread keeps (a key file holds a few). */
	private static final int KEYS_KEPT = 8;

	/** Per thread, by key (the same array each time: the cipher's key map holds it). */
	private static final ThreadLocal<Map<byte[], GCMModeCipher>> OPENERS = ThreadLocal
		.withInitial(IdentityHashMap::new);

	private Sm4() {
	}

	/** One block through the bare cipher: what the standard's test vectors check. */
	public static byte[] encryptBlock(byte[] key, byte[] block) {
		SM4Engine engine = new SM4Engine();
		engine.init(true, new KeyParameter(checked(key)));
		byte[] out = new byte[BLOCK];
		engine.processBlock(block, 0, out, 0);
		return out;
	}

	/**
	 * Encrypts and authenticates {@code plain}; {@code context} is authenticated too, so
	 * a value moved to another column no longer opens.
	 * @return a fresh random nonce followed by the ciphertext and its tag
	 */
	public static byte[] seal(byte[] key, byte[] context, byte[] plain) {
		byte[] nonce = new byte[NONCE];
		RANDOM.nextBytes(nonce);
		GCMModeCipher gcm = gcm(true, key, nonce, context);
		byte[] out = new byte[NONCE + gcm.getOutputSize(plain.length)];
		System.arraycopy(nonce, 0, out, 0, NONCE);
		int n = gcm.processBytes(plain, 0, plain.length, out, NONCE);
		try {
			gcm.doFinal(out, NONCE + n);
		}
		catch (InvalidCipherTextException ex) {
			throw new IllegalStateException(ex);
		}
		return out;
	}

	/**
	 * Opens what {@link #seal} made with the same key and context.
	 * @throws IllegalArgumentException if the value was altered, or the key or context
	 * differ
	 */
	public static byte[] open(byte[] key, byte[] context, byte[] sealed) {
		if (sealed.length < NONCE + TAG_BITS / 8) {
			throw new IllegalArgumentException("An SM4 value is too short to be one");
		}
		GCMModeCipher gcm = opener(key, Arrays.copyOf(sealed, NONCE), context);
		byte[] out = new byte[gcm.getOutputSize(sealed.length - NONCE)];
		int n = gcm.processBytes(sealed, NONCE, sealed.length - NONCE, out, 0);
		try {
			n += gcm.doFinal(out, n);
		}
		catch (InvalidCipherTextException ex) {
			throw new IllegalArgumentException("An SM4 value does not open with its key: altered or misplaced", ex);
		}
		return Arrays.copyOf(out, n);
	}

	/**
	 * A decrypting cipher for {@code key}, kept per thread and key: a list that opens a
	 * thousand values (every unit's contact phone) sets the key up once, not a thousand
	 * times (its round keys and GCM tables are most of an opening's cost, issue 13).
	 */
	private static GCMModeCipher opener(byte[] key, byte[] nonce, byte[] context) {
		Map<byte[], GCMModeCipher> ciphers = OPENERS.get();
		GCMModeCipher gcm = ciphers.get(key);
		if (gcm == null) {
			if (ciphers.size() >= KEYS_KEPT) {
				ciphers.clear();
			}
			gcm = gcm(false, key, nonce, context);
			ciphers.put(key, gcm);
			return gcm;
		}
		// a null key: the same key again, with the new nonce and context
		gcm.init(false, new AEADParameters(null, TAG_BITS, nonce, context));
		return gcm;
	}

	private static GCMModeCipher gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] context) {
		GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
		gcm.init(encrypt, new AEADParameters(new KeyParameter(checked(key)), TAG_BITS, nonce, context));
		return gcm;
	}

	private static byte[] checked(byte[] key) {
		if (key.length != BLOCK) {
			throw new IllegalArgumentException("An SM4 key has 16 bytes, not " + key.length);
		}
		return key;
	}

}
