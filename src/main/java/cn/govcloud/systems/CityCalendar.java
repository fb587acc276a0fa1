package cn.govcloud.systems;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Today's date in the city ({@code govcloud.time-zone}, default Asia/Shanghai), whatever
 * the server's zone: a migration due today is not overdue yet in Yixing even when the
 * server's clock is still on yesterday's date.
 */
@Component
class CityCalendar {

	private final ZoneId zone;

	CityCalendar(@Value("${govcloud.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.zone = zone;
	}

	LocalDate today() {
		return LocalDate.now(this.zone);
	}

}
