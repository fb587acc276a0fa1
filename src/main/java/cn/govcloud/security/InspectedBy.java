package cn.govcloud.security;

/** Who inspects: the Commission itself, or a third party it names (Art. 14). */
public enum InspectedBy {

	COMMISSION, THIRD_PARTY

}
