package cn.govcloud.shared.web;

import java.time.Instant;

import cn.govcloud.shared.CityTime;

import org.springframework.stereotype.Component;

/** {@link CityTime} for templates: {@code ${@times.minutes(instant)}}. */
@Component("times")
public class Times {

	public String minutes(Instant instant) {
		return CityTime.minutes(instant);
	}

	public String seconds(Instant instant) {
		return CityTime.seconds(instant);
	}

}
