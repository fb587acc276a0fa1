package cn.govcloud.identity;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.Sm3;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * A person's signed-in sessions, kept in PostgreSQL (Spring Session): where each was
 * opened, since when, last seen; the person ends any of them (等保 level 3). A session is
 * named on the page by a digest of its id, never by the id itself, which signs its holder
 * in.
 */
@Service
class SignedInSessions {

	/**
	 * Where the session was opened: the client address and its browser, recorded once.
	 */
	static final String ORIGIN = SignedInSessions.class.getName() + ".origin";

	private static final int USER_AGENT_LENGTH = 120;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final AuditTrail audit;

	SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions, AuditTrail audit) {
		this.sessions = sessions;
		this.audit = audit;
	}

	/** The person's sessions, the most recently used first. */
	List<SessionView> of(GovCloudPrincipal who, String currentId) {
		return byHandle(who).entrySet()
			.stream()
			.map((entry) -> view(entry.getKey(), entry.getValue(), currentId))
			.sorted(Comparator.comparing(SessionView::lastSeen).reversed())
			.toList();
	}

	/**
	 * Ends one of the person's own sessions; another person's handle is simply not found.
	 * @return whether a session was ended
	 */
	boolean end(GovCloudPrincipal who, String handle) {
		Optional<? extends Session> session = Optional.ofNullable(byHandle(who).get(handle));
		session.ifPresent((found) -> {
			this.sessions.deleteById(found.getId());
			this.audit.record("session.end", "user:" + who.userId(), AuditOutcome.SUCCESS, handle);
		});
		return session.isPresent();
	}

	static String origin(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		if (agent == null || agent.isBlank()) {
			return request.getRemoteAddr();
		}
		String shortened = (agent.length() > USER_AGENT_LENGTH) ? agent.substring(0, USER_AGENT_LENGTH) + "…" : agent;
		return request.getRemoteAddr() + " · " + shortened;
	}

	/**
	 * A session's name on the page: the first 24 hex digits of the SM3 digest of its id.
	 */
	static String handle(String sessionId) {
		return Sm3.hex(sessionId).substring(0, 24);
	}

	private Map<String, ? extends Session> byHandle(GovCloudPrincipal who) {
		Map<String, ? extends Session> found = this.sessions.findByPrincipalName(who.username());
		return found.values()
			.stream()
			.filter((session) -> !session.isExpired())
			.collect(Collectors.toMap((session) -> handle(session.getId()), (session) -> session));
	}

	private static SessionView view(String handle, Session session, String currentId) {
		return new SessionView(handle, session.getId().equals(currentId), session.getCreationTime(),
				session.getLastAccessedTime(), session.getAttribute(ORIGIN));
	}

	/** One session as its owner sees it. */
	record SessionView(String handle, boolean current, Instant since, Instant lastSeen, String origin) {
	}

}
