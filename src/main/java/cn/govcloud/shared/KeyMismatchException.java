package cn.govcloud.shared;

/**
 * The database holds encrypted values that the configured SM4 keys do not open: GovCloud
 * does not start (ADR 0033).
 */
public class KeyMismatchException extends StartRefused {

	KeyMismatchException(SecretField field, String keyId, String source, Throwable cause) {
		super("The values of " + field.context() + " are sealed with the SM4 key '" + keyId + "', and "
				+ ((cause instanceof IllegalArgumentException) ? source + " holds a different key under that id"
						: source + " holds no key of that id")
				+ ": this database was encrypted with other keys.",
				"Start GovCloud with the SM4 keys this database was sealed with: put back the key file that "
						+ "belongs to it (govcloud.crypto.key-file, by default data/keys/sm4.keys in the working "
						+ "directory) or list its keys in govcloud.crypto.keys. A new key file cannot open old values.",
				cause);
	}

}
