package cn.govcloud.termination;

/** The Commission reviewer's decision; a return needs its reason. */
public record DecisionForm(TerminationDecision decision, String reason) {

	public DecisionForm {
		reason = (reason != null && !reason.isBlank()) ? reason.strip() : null;
	}

}
