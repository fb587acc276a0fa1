/**
 * The application-system register (Art. 3, 15, PRODUCT C2): each unit's systems with
 * their purpose, security officer, classified-protection level, hosting status (on the
 * platform, migrating, exempt, …) and versioned construction plans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Application systems")
package cn.govcloud.systems;
