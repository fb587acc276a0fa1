package cn.govcloud.assessment;

/** A survey is answered while open; closed, its results are final. */
public enum SurveyStatus {

	OPEN, CLOSED

}
