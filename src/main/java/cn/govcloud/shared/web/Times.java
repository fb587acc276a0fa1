package cn.govcloud.shared.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Times as people in the city read them: in the city's zone ({@code govcloud.time-zone},
 * default Asia/Shanghai), whatever the server's. Templates call
 * {@code ${@times.minutes(instant)}}.
 */
@Component("times")
public class Times {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter SECONDS_WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

	private final ZoneId zone;

	Times(@Value("${govcloud.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.zone = zone;
	}

	public ZoneId zone() {
		return this.zone;
	}

	/** {@code 2026-11-27 08:15}, or an em dash for nothing. */
	public String minutes(Instant instant) {
		return (instant != null) ? MINUTES.format(instant.atZone(this.zone)) : "—";
	}

	/** {@code 2026-11-27 08:15:02 +08:00}, for records where the exact moment matters. */
	public String seconds(Instant instant) {
		return (instant != null) ? SECONDS_WITH_OFFSET.format(instant.atZone(this.zone)) : "—";
	}

}
