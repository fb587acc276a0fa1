package cn.govcloud.inventory;

import java.util.UUID;

/**
 * One break in the chain approval → contract → instance.
 *
 * @param rule which rule is broken
 * @param subject what breaks it (an instance's cloud id, a kind and spec, a contract
 * line)
 * @param detail the numbers, for people
 */
record Violation(Rule rule, UUID systemId, String subject, String detail) {

	public enum Rule {

		/** No active instance without a filed contract line. */
		ACTIVE_WITHOUT_CONTRACT_LINE,
		/** Provisioned ≤ contracted. */
		PROVISIONED_OVER_CONTRACTED,
		/** Contracted ≤ approved. */
		CONTRACTED_OVER_APPROVED,
		/** No instance billed after its reclaim date (Art. 9). */
		BILLED_AFTER_RECLAIM

	}

}
