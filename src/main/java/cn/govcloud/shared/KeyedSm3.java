package cn.govcloud.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A keyed SM3 hash (HMAC, RFC 2104, over SM3 of GB/T 32905) under one of the
 * {@link FieldCipher}'s keys (issue 19): the blind index of an encrypted field, the
 * signature of an audit archive, the mark of an anchor. The key is never the SM4 key
 * itself but one derived from it for one purpose, so a hash of one purpose says nothing
 * of another. The result names its key, {@code hmac-sm3:<key id>:<64 hex digits>}, so a
 * rotation keeps old signatures verifiable.
 */
public final class KeyedSm3 {

	static final String PREFIX = "hmac-sm3:";

	private final String keyId;

	private final HMac mac;

	KeyedSm3(String keyId, byte[] masterKey, String purpose) {
		this.keyId = keyId;
		HMac derive = new HMac(new SM3Digest());
		derive.init(new KeyParameter(masterKey));
		byte[] label = ("govcloud:" + purpose).getBytes(StandardCharsets.UTF_8);
		derive.update(label, 0, label.length);
		byte[] derived = new byte[derive.getMacSize()];
		derive.doFinal(derived, 0);
		this.mac = new HMac(new SM3Digest());
		this.mac.init(new KeyParameter(derived));
	}

	public KeyedSm3 update(byte[] bytes, int offset, int length) {
		this.mac.update(bytes, offset, length);
		return this;
	}

	public KeyedSm3 update(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return update(bytes, 0, bytes.length);
	}

	/** The hash of everything given, {@code hmac-sm3:<key id>:<hex>}; resets. */
	public String finish() {
		byte[] out = new byte[this.mac.getMacSize()];
		this.mac.doFinal(out, 0);
		return PREFIX + this.keyId + ":" + HexFormat.of().formatHex(out);
	}

	/** Whether the hash of everything given equals {@code expected}, in constant time. */
	public boolean matches(String expected) {
		return expected != null && MessageDigest.isEqual(finish().getBytes(StandardCharsets.UTF_8),
				expected.strip().getBytes(StandardCharsets.UTF_8));
	}

	/** The key id a stored hash names, or null when it is not such a hash. */
	public static String keyIdOf(String hash) {
		if (hash == null || !hash.startsWith(PREFIX)) {
			return null;
		}
		int colon = hash.indexOf(':', PREFIX.length());
		return (colon < 0) ? null : hash.substring(PREFIX.length(), colon);
	}

}
