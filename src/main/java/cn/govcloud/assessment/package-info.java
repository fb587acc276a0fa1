/**
 * The supplier's assessment (Art. 19; PRODUCT C14). So far its satisfaction source: the
 * Commission's surveys of the units (a year or a half-year, each respondent answers once,
 * no preselected answer), with the service desk's ticket ratings beside them. The scoring
 * rules, the score, the payment ratio and the objection are still to come (issue 18).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment")
package cn.govcloud.assessment;
