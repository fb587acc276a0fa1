package cn.govcloud.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's PostgreSQL sessions (ADR 0026) with two writes and reads fewer per
 * request (issue 13, ADR 0043).
 * <ul>
 * <li><b>Last access time</b>: Spring Session sets it at every request, which marks the
 * session changed and updates its row (an indexed expiry time, so never a cheap update)
 * in a transaction of its own. Here it is written only once the stored one is older than
 * a tenth of the session's lifetime, at most {@link #MAX_LAG}: the row's expiry is then
 * at most that much early. GovCloud's sessions live twice the idle timeout, which
 * {@link IdleTimeoutFilter} enforces from its own time last seen, so no session ends
 * earlier or later than the policy says.</li>
 * <li><b>Read once per request</b>: the concurrent-session check (one session for an
 * administrator) asks for the session the request has just read; within a request (known
 * from {@link SessionReads}, which runs before Spring Session's filter) the same session
 * object is handed out again. Another node's change (ending this session) is seen at the
 * next request, as before.</li>
 * </ul>
 * Everything else is Spring Session's, so every node still sees every session.
 */
class QuietSessions implements FindByIndexNameSessionRepository<QuietSessions.Quiet>, DisposableBean {

	/** The longest the stored last access time may lag behind the last request. */
	static final Duration MAX_LAG = Duration.ofMinutes(1);

	private static final String READ = QuietSessions.class.getName() + ".read.";

	private final Store<? extends Session> store;

	<S extends Session> QuietSessions(FindByIndexNameSessionRepository<S> sessions) {
		this.store = new Store<>(sessions);
	}

	@Override
	public Quiet createSession() {
		return new Quiet(this.store.sessions.createSession());
	}

	@Override
	public void save(Quiet session) {
		this.store.save(session.session);
	}

	@Override
	public Quiet findById(String id) {
		HttpServletRequest request = SessionReads.current();
		if (request != null && request.getAttribute(READ + id) instanceof Quiet read) {
			return read;
		}
		Session found = this.store.sessions.findById(id);
		Quiet session = (found != null) ? new Quiet(found) : null;
		if (session != null && request != null) {
			request.setAttribute(READ + id, session);
		}
		return session;
	}

	@Override
	public void deleteById(String id) {
		HttpServletRequest request = SessionReads.current();
		if (request != null) {
			request.removeAttribute(READ + id);
		}
		this.store.sessions.deleteById(id);
	}

	@Override
	public Map<String, Quiet> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, Quiet> found = new LinkedHashMap<>();
		this.store.sessions.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new Quiet(session)));
		return found;
	}

	@Override
	public void destroy() throws Exception {
		if (this.store.sessions instanceof DisposableBean disposable) {
			disposable.destroy();
		}
	}

	/**
	 * Whether a request at {@code now} should write the last access time, stored as
	 * {@code stored}, of a session living {@code lifetime}.
	 */
	static boolean due(Instant stored, Instant now, Duration lifetime) {
		Duration tenth = lifetime.dividedBy(10);
		Duration lag = (tenth.compareTo(MAX_LAG) < 0) ? tenth : MAX_LAG;
		return Duration.between(stored, now).compareTo(lag) >= 0;
	}

	/** Spring Session's repository with its own session type. */
	private record Store<S extends Session>(FindByIndexNameSessionRepository<S> sessions) {

		@SuppressWarnings("unchecked")
		void save(Session session) {
			this.sessions.save((S) session);
		}

	}

	/** A stored session whose last access time is written only when {@link #due}. */
	static final class Quiet implements Session {

		private final Session session;

		Quiet(Session session) {
			this.session = session;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (due(this.session.getLastAccessedTime(), lastAccessedTime, this.session.getMaxInactiveInterval())) {
				this.session.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public String changeSessionId() {
			return this.session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

	}

}
