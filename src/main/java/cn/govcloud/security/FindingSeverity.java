package cn.govcloud.security;

/** How grave an inspection's finding is; the deadline to rectify it follows (Art. 14). */
public enum FindingSeverity {

	HIGH, MEDIUM, LOW

}
