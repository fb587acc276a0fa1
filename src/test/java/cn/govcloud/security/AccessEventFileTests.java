package cn.govcloud.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import cn.govcloud.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bastion host's CSV and the checks of a reported session, without Spring. */
class AccessEventFileTests {

	@Test
	void aFileIsReadWithCityTimesAndOffsetTimes() {
		List<AccessEventForm> events = AccessEventFile.read(("""
				\uFEFFperson,instance,started_at,ended_at,source_address,session_id
				ops-sun,web-01,2026-12-03 09:30,2026-12-03T10:00:00+08:00,10.1.2.3,"s-1"
				""").getBytes(StandardCharsets.UTF_8));
		assertThat(events).hasSize(1);
		assertThat(events.get(0).startedAt()).isEqualTo(Instant.parse("2026-12-03T01:30:00Z"));
		assertThat(events.get(0).endedAt()).isEqualTo(Instant.parse("2026-12-03T02:00:00Z"));
		assertThat(events.get(0).sessionId()).isEqualTo("s-1");
	}

	@Test
	void aBadTimeIsReportedByItsCellAndAWrongHeaderByTheFile() {
		assertThatThrownBy(() -> AccessEventFile.read("""
				person,instance,started_at,ended_at,source_address,session_id
				ops,web-01,yesterday,2026-12-03 10:00,10.1.2.3,s-1
				""".getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(InvalidInputException.class,
				(ex) -> assertThat(ex.problems().get(0).field()).isEqualTo("rows[2].C"));
		assertThatThrownBy(() -> AccessEventFile.read("who,where\n".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.problems().get(0).code()).isEqualTo("access.file.header"));
	}

	@Test
	void aSourceAddressIsAnIpv4OrIpv6LiteralNeverAName() {
		assertThat(EventCheck.address("10.1.2.3")).isTrue();
		assertThat(EventCheck.address("fe80::1")).isTrue();
		assertThat(EventCheck.address("999.1.1.1")).isFalse();
		assertThat(EventCheck.address("bastion.example")).isFalse();
		assertThat(EventCheck.address("cafe")).isFalse();
		assertThat(EventCheck.address(null)).isFalse();
	}

}
