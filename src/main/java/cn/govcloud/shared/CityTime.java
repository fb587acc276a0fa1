package cn.govcloud.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The city's clock: dates and times as people in the city read them (China Standard
 * Time), whatever the server's zone. Deadlines that fall "on a day" are days of this
 * zone.
 */
public final class CityTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter SECONDS_WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

	private CityTime() {
	}

	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	public static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ZONE).toInstant();
	}

	/** {@code 2026-11-27 08:15}, or an em dash for nothing. */
	public static String minutes(Instant instant) {
		return (instant != null) ? MINUTES.format(instant.atZone(ZONE)) : "—";
	}

	/** {@code 2026-11-27 08:15:02 +08:00}, where the exact moment matters. */
	public static String seconds(Instant instant) {
		return (instant != null) ? SECONDS_WITH_OFFSET.format(instant.atZone(ZONE)) : "—";
	}

}
