package cn.govcloud.security;

/** How often a backup policy runs (Art. 16). */
public enum BackupFrequency {

	/** Every day at the policy's time. */
	DAILY,

	/** Every week on the policy's weekday at its time. */
	WEEKLY,

	/** Every month on the policy's day (1–28) at its time. */
	MONTHLY

}
