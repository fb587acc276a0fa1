package cn.govcloud.identity;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;

class QuietSessionsTests {

	private static final Instant STORED = Instant.parse("2026-12-04T08:00:00Z");

	@Test
	void aThirtyMinuteSessionIsWrittenOnceItsStoredAccessIsAMinuteOld() {
		Duration lifetime = Duration.ofMinutes(30);
		assertThat(QuietSessions.due(STORED, STORED.plusSeconds(59), lifetime)).isFalse();
		assertThat(QuietSessions.due(STORED, STORED.plusSeconds(60), lifetime)).isTrue();
	}

	@Test
	void aShortSessionIsWrittenAfterATenthOfItsLifetime() {
		Duration lifetime = Duration.ofSeconds(60);
		assertThat(QuietSessions.due(STORED, STORED.plusMillis(5_999), lifetime)).isFalse();
		assertThat(QuietSessions.due(STORED, STORED.plusSeconds(6), lifetime)).isTrue();
	}

	@Test
	void theSessionKeepsItsStoredAccessTimeUntilItIsDue() {
		MapSession stored = new MapSession();
		stored.setMaxInactiveInterval(Duration.ofMinutes(30));
		stored.setLastAccessedTime(STORED);
		QuietSessions.Quiet session = new QuietSessions.Quiet(stored);
		session.setLastAccessedTime(STORED.plusSeconds(30));
		assertThat(stored.getLastAccessedTime()).isEqualTo(STORED);
		session.setLastAccessedTime(STORED.plusSeconds(90));
		assertThat(stored.getLastAccessedTime()).isEqualTo(STORED.plusSeconds(90));
	}

}
