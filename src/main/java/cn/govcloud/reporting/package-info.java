/**
 * Reporting (Art. 11, 12, 14, 16; PRODUCT C11): the supplier's monthly report to every
 * unit it serves, drafted by GovCloud from the other modules' figures (utilisation,
 * tickets, changes, fees), completed and submitted by the supplier, acknowledged by the
 * unit, seen by the Commission; kept as versions (ADR 0022).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package cn.govcloud.reporting;
