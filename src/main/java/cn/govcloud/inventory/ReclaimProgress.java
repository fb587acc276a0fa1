package cn.govcloud.inventory;

import java.time.LocalDate;

/**
 * How far the reclaim orders of one request (a termination) have come.
 *
 * @param openOrders the orders not yet completed
 * @param lastReclaimedOn the latest reclaim date of their instances, {@code null} before
 * any
 */
public record ReclaimProgress(int openOrders, LocalDate lastReclaimedOn) {

	/** Every order completed (or none was needed). */
	public boolean done() {
		return this.openOrders == 0;
	}

}
