/**
 * Working time in the city, kept as data by the Commission: the working hours of a day,
 * the public holidays and the adjusted working days (调休) the State Council publishes each
 * year. Service-level clocks (Art. 10–12), report due dates ("the 5th working day") and
 * objection periods ("10 working days", Art. 8) count in it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working calendar")
package cn.govcloud.calendar;
