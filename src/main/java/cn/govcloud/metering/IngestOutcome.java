package cn.govcloud.metering;

import java.util.List;

/**
 * What one request did: its samples by outcome (received = the sum of the others) and the
 * problems to report (non-empty → 400, after the valid series were stored).
 */
record IngestOutcome(int received, int stored, int ignored, int duplicate, int outOfOrder, int rejected, int unmatched,
		int histograms, List<String> problems) {

	public boolean hasProblems() {
		return !this.problems.isEmpty();
	}

	/** The problems as the plain-text body of a 400 answer. */
	public String message() {
		return String.join("\n", this.problems) + "\n";
	}

}
