/**
 * The first page after login: real figures for the person's role, drawn from the other
 * modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package cn.govcloud.dashboard;
