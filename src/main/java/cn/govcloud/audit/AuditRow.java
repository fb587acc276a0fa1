package cn.govcloud.audit;

import java.time.Instant;

import cn.govcloud.shared.CityTime;

/**
 * One audit record as the page shows it: the time in the city's zone with its offset.
 */
record AuditRow(AuditRecord event, String time) {

	static AuditRow from(AuditRecord event) {
		return new AuditRow(event, format(event.occurredAt()));
	}

	/** An instant as the city's clock shows it, with the offset. */
	static String format(Instant instant) {
		return CityTime.seconds(instant);
	}

}
