package cn.govcloud.metering;

/**
 * The answer to a remote-write request: the HTTP status, a plain-text message (empty on
 * success) and, when the body was read, what happened to its samples.
 */
record WriteResult(int status, String message, IngestOutcome outcome, long retryAfterSeconds) {

	WriteResult(int status, String message, IngestOutcome outcome) {
		this(status, message, outcome, 0);
	}

	/** 429: too many requests being stored, or too large a backlog; retry later. */
	static WriteResult busy(long retryAfterSeconds) {
		return new WriteResult(429,
				"GovCloud is busy storing other requests; retry after " + retryAfterSeconds + " s\n", null,
				retryAfterSeconds);
	}

	static WriteResult refused(int status, String message) {
		return new WriteResult(status, message + "\n", null);
	}

}
