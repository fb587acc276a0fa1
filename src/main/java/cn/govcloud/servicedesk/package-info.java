/**
 * The service desk (Art. 10–12, 19; PRODUCT C10): the units' problem reports and fault
 * tickets answered by the supplier against service-level targets kept by the Commission,
 * with clocks that run in round-the-clock or working time (a calendar kept as data:
 * working hours, public holidays and the adjusted working days China publishes each
 * year), pause while the ticket waits on the unit, and escalate before and at a breach.
 * The clocks are evidence for the supplier's yearly assessment (Art. 19).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service desk")
package cn.govcloud.servicedesk;
