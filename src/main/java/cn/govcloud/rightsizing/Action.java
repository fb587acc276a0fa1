package cn.govcloud.rightsizing;

/** What a recommendation advises for one instance (Art. 8). */
public enum Action {

	/** Both CPU and memory figures at or below the downsize threshold. */
	DOWNSIZE,

	/** CPU or memory figure at or above the upsize threshold. */
	UPSIZE,

	/**
	 * Idle (highest CPU at or below the idle threshold over the idle days), or ACTIVE
	 * with no data at all over those days (then the supplier checks first).
	 */
	RELEASE,

	/** Fewer days with data than the minimum: never a recommendation. */
	INSUFFICIENT_DATA,

	/** Measured and sized about right. */
	KEEP;

	/** Whether the Commission can turn it into a release order. */
	public boolean actionable() {
		return this == DOWNSIZE || this == UPSIZE || this == RELEASE;
	}

}
