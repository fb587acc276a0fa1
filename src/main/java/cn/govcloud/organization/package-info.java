/**
 * Organisations, people and roles (Art. 4, PRODUCT C1): the Commission, units, suppliers
 * and the finance bureau; their users, passwords (等保 level 3 policy) and roles, with the
 * three separated administrators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations and people")
package cn.govcloud.organization;
