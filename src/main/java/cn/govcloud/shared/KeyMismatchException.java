package cn.govcloud.shared;

/**
 * The database holds encrypted values that the configured SM4 keys do not open: GovCloud
 * does not start (ADR 0033). Reported at start as one message, without a stack trace
 * ({@link KeyMismatchFailureAnalyzer}).
 */
public class KeyMismatchException extends IllegalStateException {

	private final String source;

	KeyMismatchException(SecretField field, String keyId, String source, Throwable cause) {
		super("The values of " + field.context() + " are sealed with the SM4 key '" + keyId + "', and "
				+ ((cause instanceof IllegalArgumentException) ? source + " holds a different key under that id"
						: source + " holds no key of that id")
				+ ": this database was encrypted with other keys", cause);
		this.source = source;
	}

	/** Where the keys that failed came from. */
	public String source() {
		return this.source;
	}

}
