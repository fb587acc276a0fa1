package cn.govcloud.security;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A unit's monthly access report (Art. 17): the grants asked for and decided in the
 * month, the emergency accesses and whether each was approved within the deadline, the
 * bastion host's sessions and the violations among them. A supplier's report holds only
 * its own grants and sessions.
 *
 * @param supplierName the supplier the report is limited to, or {@code null} for all
 */
public record AccessReport(UUID unitId, String unitName, String supplierName, YearMonth month, int requested,
		int approved, int refused, int revoked, List<Emergency> emergencies, int sessions, List<Violation> violations) {

	public AccessReport {
		emergencies = List.copyOf(emergencies);
		violations = List.copyOf(violations);
	}

	public long emergenciesApprovedInTime() {
		return this.emergencies.stream().filter((e) -> e.outcome() == EmergencyOutcome.APPROVED_IN_TIME).count();
	}

	public long emergenciesLateOrUndecided() {
		return this.emergencies.stream()
			.filter((e) -> e.outcome() == EmergencyOutcome.APPROVED_LATE || e.outcome() == EmergencyOutcome.UNDECIDED)
			.count();
	}

	/** How an emergency access was decided after the fact. */
	public enum EmergencyOutcome {

		/** Approved within the deadline (24 h). */
		APPROVED_IN_TIME,
		/** Approved, but after the deadline. */
		APPROVED_LATE,
		/** Refused after the fact. */
		REFUSED,
		/** Not decided yet. */
		UNDECIDED

	}

	/** One emergency access opened in the month. */
	public record Emergency(UUID grantId, String number, String supplierName, String ticketNumber, Instant openedAt,
			Instant decidedAt, EmergencyOutcome outcome) {
	}

	/** One session no grant covered. */
	public record Violation(String person, String instanceName, Instant startedAt, Instant endedAt,
			String sourceAddress, String sessionId, String supplierName) {
	}

}
