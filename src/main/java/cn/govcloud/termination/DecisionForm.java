package cn.govcloud.termination;

import io.swagger.v3.oas.annotations.media.Schema;

/** The Commission reviewer's decision; a return needs its reason. */
@Schema(name = "TerminationDecisionForm")
record DecisionForm(TerminationDecision decision, String reason) {

	public DecisionForm {
		reason = (reason != null && !reason.isBlank()) ? reason.strip() : null;
	}

}
