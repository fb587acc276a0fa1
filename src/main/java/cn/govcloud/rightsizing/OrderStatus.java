package cn.govcloud.rightsizing;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a release order stands (Art. 8): issued and awaiting the unit; accepted, or
 * lapsed (unanswered at the end of the objection period); objected and awaiting the
 * Commission; upheld, modified or withdrawn.
 */
public enum OrderStatus {

	ISSUED, ACCEPTED, LAPSED, OBJECTED, UPHELD, MODIFIED, WITHDRAWN;

	/** The orders that stand: the supplier carries them out from the effective date. */
	public static final Set<OrderStatus> STANDING = EnumSet.of(ACCEPTED, LAPSED, UPHELD, MODIFIED);

	public boolean stands() {
		return STANDING.contains(this);
	}

}
