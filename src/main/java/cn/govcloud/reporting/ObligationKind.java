package cn.govcloud.reporting;

/**
 * What the supplier owes periodically, each with the article it serves. How each recurs
 * and when it is due the Commission sets ({@link ObligationRule}).
 */
public enum ObligationKind {

	/** Art. 12: the monthly report to each unit served. */
	MONTHLY_REPORT(12, true),
	/** Art. 14: the monthly security bulletin. */
	SECURITY_BULLETIN(14, false),
	/** Art. 14: the yearly emergency drill. */
	EMERGENCY_DRILL(14, false),
	/** Art. 11: the trainings of a quarter. */
	TRAINING(11, false),
	/** Art. 16: the quarterly backup restore test. */
	BACKUP_RESTORE_TEST(16, false);

	private final int article;

	private final boolean perUnit;

	ObligationKind(int article, boolean perUnit) {
		this.article = article;
		this.perUnit = perUnit;
	}

	public int article() {
		return this.article;
	}

	/** One obligation per unit served (else one per supplier). */
	public boolean perUnit() {
		return this.perUnit;
	}

}
