package cn.govcloud.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start stopped by {@link StartRefused} into the problem and the action an
 * operator needs, instead of a stack trace.
 */
class StartRefusedFailureAnalyzer extends AbstractFailureAnalyzer<StartRefused> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StartRefused cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), null);
	}

}
