package cn.govcloud.request;

/**
 * A first application for a system, or a change application for a system that already has
 * approved resources (scale up or down).
 */
public enum ApplicationType {

	NEW, CHANGE

}
