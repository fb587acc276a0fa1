package cn.govcloud.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start stopped by {@link KeyMismatchException} into the message and the action
 * an operator needs, instead of a stack trace.
 */
class KeyMismatchFailureAnalyzer extends AbstractFailureAnalyzer<KeyMismatchException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KeyMismatchException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Start GovCloud with the SM4 keys this database was sealed with: put back the key file that "
						+ "belongs to it (govcloud.crypto.key-file, by default data/keys/sm4.keys next to the data "
						+ "directory) or list its keys in govcloud.crypto.keys. A new key file cannot open old values.",
				null);
	}

}
