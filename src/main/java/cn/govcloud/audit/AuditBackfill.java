package cn.govcloud.audit;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends many records of actions that happened at given times (a generated world, ADR
 * 0013) to the chain in one go: under the same lock and with the same hash as
 * {@link AuditTrail}, in the order of their times, in batches.
 */
@Service
public class AuditBackfill {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	AuditBackfill(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** One past action: who, of which organisation, did what to what, when. */
	public record PastEvent(Instant occurredAt, String actor, String organization, String action, String target,
			String detail) {
	}

	/** Chains and stores the events, oldest first; returns how many were stored. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int append(List<PastEvent> events) {
		List<ChainAppend.Entry> entries = events.stream()
			.sorted(Comparator.comparing(PastEvent::occurredAt))
			.map((event) -> new ChainAppend.Entry(event.occurredAt(), event.actor(), event.organization(),
					event.action(), event.target(), AuditOutcome.SUCCESS, null, event.detail()))
			.toList();
		return ChainAppend.append(this.jdbc, this.template, entries);
	}

}
