package cn.govcloud.shared.web;

import java.time.Instant;

import cn.govcloud.shared.CityTime;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** {@link CityTime} for templates: {@code ${@times.minutes(instant)}}. */
@Component("times")
public class Times {

	private final MessageSource messages;

	Times(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * A span of minutes as people read it: {@code 45 分钟}, {@code 18 小时 48 分},
	 * {@code 3 天 2 小时} ({@code 45 min}, {@code 18 h 48 min}, {@code 3 d 2 h}); an em dash
	 * for nothing.
	 */
	public String duration(Number minutes) {
		if (minutes == null) {
			return "—";
		}
		long m = minutes.longValue();
		String code;
		Object[] args;
		if (m < 60) {
			code = "time.minutes";
			args = new Object[] { m };
		}
		else if (m < 24 * 60) {
			code = (m % 60 == 0) ? "time.hoursOnly" : "time.hours";
			args = new Object[] { m / 60, m % 60 };
		}
		else {
			code = ((m % (24 * 60)) / 60 == 0) ? "time.daysOnly" : "time.days";
			args = new Object[] { m / (24 * 60), (m % (24 * 60)) / 60 };
		}
		return this.messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

	public String minutes(Instant instant) {
		return CityTime.minutes(instant);
	}

	public String seconds(Instant instant) {
		return CityTime.seconds(instant);
	}

	/**
	 * The value of a {@code datetime-local} field for {@code instant}, in city time to
	 * the minute ({@code 2026-12-03T09:30}); empty for nothing.
	 */
	public String local(Instant instant) {
		return (instant != null) ? instant.atZone(CityTime.ZONE)
			.toLocalDateTime()
			.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
			.toString() : "";
	}

}
