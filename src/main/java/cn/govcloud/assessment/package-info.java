/**
 * The supplier's assessment (Art. 19; PRODUCT C14): the Commission's satisfaction surveys
 * of the units (a year or a half-year, each respondent answers once, no preselected
 * answer) with the service desk's ticket ratings beside them; the Commission's rules per
 * year (each save a version); the score from the records with a drill-down per indicator,
 * "no data" and re-normalised weights shown; audited manual adjustments; the supplier's
 * objection within 10 working days and the Commission's final decision, which fixes the
 * score, the rules version and the payment ratio (ADR 0025, 0031). The PDF report is
 * still to come.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment")
package cn.govcloud.assessment;
