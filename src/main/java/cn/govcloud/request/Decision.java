package cn.govcloud.request;

/**
 * The Commission's decisions on an application (Art. 8), and the automatic approval of
 * decreases.
 */
enum Decision {

	APPROVED, APPROVED_WITH_CUTS, RETURNED, REJECTED, AUTO_APPROVED

}
