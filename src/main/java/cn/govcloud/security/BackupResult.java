package cn.govcloud.security;

/** How a backup run or a restore test ended (Art. 16). */
public enum BackupResult {

	SUCCESS, FAILED

}
