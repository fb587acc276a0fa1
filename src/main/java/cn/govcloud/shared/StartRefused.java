package cn.govcloud.shared;

/**
 * GovCloud will not start as it is configured: what is wrong, and what the operator does
 * about it. Reported as those two, without a stack trace
 * ({@link StartRefusedFailureAnalyzer}).
 */
public class StartRefused extends IllegalStateException {

	private final String action;

	public StartRefused(String problem, String action) {
		this(problem, action, null);
	}

	public StartRefused(String problem, String action, Throwable cause) {
		super(problem, cause);
		this.action = action;
	}

	/** What the operator does about it. */
	public String action() {
		return this.action;
	}

}
