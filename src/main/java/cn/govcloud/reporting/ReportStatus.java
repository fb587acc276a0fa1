package cn.govcloud.reporting;

/**
 * Where a monthly report stands (Art. 12): drafted by GovCloud, submitted by the
 * supplier, acknowledged by the unit.
 */
public enum ReportStatus {

	DRAFT, SUBMITTED, ACKNOWLEDGED

}
