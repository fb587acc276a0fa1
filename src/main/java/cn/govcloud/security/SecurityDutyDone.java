package cn.govcloud.security;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The supplier did one of its periodic Art. 14 duties: published the month's security
 * bulletin, or reported the year's emergency drill. The obligation calendar (reporting)
 * marks the period's obligation submitted; it listens in the same transaction, so
 * security does not depend on reporting (reporting reads security's backups).
 *
 * @param duty which duty
 * @param supplierId the supplier
 * @param day a day in the period the duty is for
 * @param byUserId who did it
 * @param byName their name
 * @param note what was done
 */
public record SecurityDutyDone(Duty duty, UUID supplierId, LocalDate day, UUID byUserId, String byName, String note) {

	/** The periodic duties of Art. 14. */
	public enum Duty {

		/** The monthly security bulletin. */
		BULLETIN,

		/** The yearly emergency drill's report. */
		DRILL

	}

}
