/**
 * Security management (Art. 13–17, PRODUCT C12). First part: access only with the unit's
 * authorisation (Art. 17) — the supplier's staff ask for access to a unit's instances,
 * the unit decides, grants end by themselves, and every session the bastion host reports
 * is checked against the grants; one without a covering grant is a violation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security management")
package cn.govcloud.security;
