package cn.govcloud.reporting;

/** Where an obligation stands: open, submitted by the supplier, accepted or returned. */
public enum ObligationStatus {

	OPEN, SUBMITTED, ACCEPTED, RETURNED

}
