package cn.govcloud.assessment;

/** The three dimensions the Commission scores a supplier on (Art. 19). */
public enum Dimension {

	SERVICE_RESPONSE, SATISFACTION, QUALITY

}
