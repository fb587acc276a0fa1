/**
 * What every module shares: the caller ({@link cn.govcloud.shared.CurrentUser}), the one
 * data-scoping mechanism ({@link cn.govcloud.shared.DataScope}), roles and organisation
 * kinds (Art. 4), and the exceptions that become clear messages for users and API
 * callers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared")
package cn.govcloud.shared;
