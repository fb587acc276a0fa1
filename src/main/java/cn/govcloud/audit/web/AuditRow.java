package cn.govcloud.audit.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import cn.govcloud.audit.AuditFilter;
import cn.govcloud.audit.AuditRecord;

/**
 * One audit record as the page shows it: the time in the city's zone with its offset.
 */
record AuditRow(AuditRecord event, String time) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx");

	static AuditRow from(AuditRecord event) {
		return new AuditRow(event, format(event.occurredAt()));
	}

	/** An instant as the city's clock shows it, with the offset. */
	static String format(Instant instant) {
		return TIME.format(instant.atZone(AuditFilter.CITY_TIME));
	}

}
