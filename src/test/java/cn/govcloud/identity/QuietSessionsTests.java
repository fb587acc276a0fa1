package cn.govcloud.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.web.http.SessionRepositoryFilter;

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

	@Test
	void aRequestReadsItsSessionOnceAndTheNextReadsItAgain() throws Exception {
		CountingSessions stored = new CountingSessions();
		MapSession saved = stored.createSession();
		stored.save(saved);
		QuietSessions sessions = new QuietSessions(stored);
		assertThat(SessionStoreConfiguration.sessionReads().getOrder())
			.isLessThan(SessionRepositoryFilter.DEFAULT_ORDER);
		Filter springSession = new SessionRepositoryFilter<>(sessions);
		// the page asks for its session, then (like the concurrent-session check) the
		// repository for the same id
		HttpServlet page = new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) {
				assertThat(request.getSession(false)).isNotNull();
				assertThat(sessions.findById(saved.getId())).isNotNull();
			}
		};
		for (int request = 1; request <= 2; request++) {
			new MockFilterChain(page, new SessionReads(), springSession).doFilter(withCookie(saved),
					new MockHttpServletResponse());
			assertThat(stored.reads).as("reads after request %d", request).hasValue(request);
		}
		// without the request known, every read goes to the store
		new MockFilterChain(page, springSession).doFilter(withCookie(saved), new MockHttpServletResponse());
		assertThat(stored.reads).hasValue(4);
	}

	private static MockHttpServletRequest withCookie(MapSession session) {
		MockHttpServletRequest get = new MockHttpServletRequest("GET", "/");
		get.setCookies(new Cookie("SESSION", Base64.getEncoder().encodeToString(session.getId().getBytes())));
		return get;
	}

	/** Sessions in memory, counting the reads by id. */
	static final class CountingSessions implements FindByIndexNameSessionRepository<MapSession> {

		final AtomicInteger reads = new AtomicInteger();

		private final Map<String, MapSession> sessions = new ConcurrentHashMap<>();

		@Override
		public MapSession createSession() {
			MapSession session = new MapSession();
			session.setMaxInactiveInterval(Duration.ofMinutes(30));
			return session;
		}

		@Override
		public void save(MapSession session) {
			this.sessions.put(session.getId(), new MapSession(session));
		}

		@Override
		public MapSession findById(String id) {
			this.reads.incrementAndGet();
			MapSession session = this.sessions.get(id);
			return (session != null) ? new MapSession(session) : null;
		}

		@Override
		public void deleteById(String id) {
			this.sessions.remove(id);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}

	}

}
