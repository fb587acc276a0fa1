package cn.govcloud.metering;

/**
 * The answer to a remote-write request: the HTTP status, a plain-text message (empty on
 * success) and, when the body was read, what happened to its samples.
 */
public record WriteResult(int status, String message, IngestOutcome outcome) {

	static WriteResult refused(int status, String message) {
		return new WriteResult(status, message + "\n", null);
	}

}
