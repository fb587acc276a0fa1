package cn.govcloud.request;

/** A line asks for more of a resource, or gives some back (change applications only). */
public enum LineDirection {

	INCREASE, DECREASE

}
