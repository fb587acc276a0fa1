package cn.govcloud.servicedesk;

/** What a ticket is about (Art. 10–12: faults, problems, consultation and support). */
public enum TicketCategory {

	FAULT, PROBLEM, CONSULTATION, GO_LIVE_SUPPORT, MIGRATION_SUPPORT

}
