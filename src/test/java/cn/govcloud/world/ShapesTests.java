package cn.govcloud.world;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShapesTests {

	@Test
	void theShapesCityClockIsTheOffsetDateTimeOfEachPoint() {
		for (Instant start : new Instant[] { Instant.parse("2026-10-29T16:00:00Z"),
				Instant.parse("2026-11-28T23:55:00Z"), Instant.parse("1969-12-27T12:05:00Z") }) {
			for (int i = 0; i < 9 * Shapes.PER_DAY; i++) {
				Instant at = start.plusSeconds(300L * i);
				OffsetDateTime local = at.atOffset(ZoneOffset.ofHours(8));
				assertThat(Shapes.hour(at.getEpochSecond())).as("%s", at)
					.isEqualTo(local.getHour() + local.getMinute() / 60.0);
				assertThat(Shapes.weekend(at.getEpochSecond())).as("%s", at)
					.isEqualTo(local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY);
			}
		}
	}

}
