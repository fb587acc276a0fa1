package cn.govcloud.security;

import java.util.UUID;

/**
 * Open findings of one unit (or, with no unit, of the city) by severity, and how many of
 * them are overdue (Art. 14).
 */
public record FindingTally(UUID unitId, String unitName, long high, long medium, long low, long overdue) {

	public long open() {
		return this.high + this.medium + this.low;
	}

}
