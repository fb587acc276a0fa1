package cn.govcloud.servicedesk;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * What a list of tickets is narrowed to; every field optional.
 *
 * @param breached only tickets with a breached clock (true) or none (false)
 * @param q words of the title or description (Chinese included, see {@link SearchTokens})
 */
record TicketFilter(TicketStatus status, Priority priority, TicketCategory category, UUID unitId, UUID systemId,
		Boolean breached, String q) {

	public static TicketFilter none() {
		return new TicketFilter(null, null, null, null, null, null, null);
	}

	String sql() {
		StringBuilder sql = new StringBuilder();
		if (this.status != null) {
			sql.append(" AND t.status = :status");
		}
		if (this.priority != null) {
			sql.append(" AND t.priority = :priority");
		}
		if (this.category != null) {
			sql.append(" AND t.category = :category");
		}
		if (this.unitId != null) {
			sql.append(" AND t.unit_id = :unit");
		}
		if (this.systemId != null) {
			sql.append(" AND t.system_id = :system");
		}
		if (this.breached != null) {
			sql.append(this.breached ? " AND " : " AND NOT ").append(BREACHED);
		}
		if (tokens().length > 0) {
			sql.append(" AND t.search @> CAST(:tokens AS text[])");
		}
		return sql.toString();
	}

	StatementSpec bind(StatementSpec statement) {
		StatementSpec bound = statement;
		if (this.status != null) {
			bound = bound.param("status", this.status.name());
		}
		if (this.priority != null) {
			bound = bound.param("priority", this.priority.name());
		}
		if (this.category != null) {
			bound = bound.param("category", this.category.name());
		}
		if (this.unitId != null) {
			bound = bound.param("unit", this.unitId);
		}
		if (this.systemId != null) {
			bound = bound.param("system", this.systemId);
		}
		String[] tokens = tokens();
		if (tokens.length > 0) {
			bound = bound.param("tokens", tokens);
		}
		return bound;
	}

	private String[] tokens() {
		return (this.q != null && !this.q.isBlank()) ? SearchTokens.of(this.q) : new String[0];
	}

	/**
	 * A ticket with a breached clock: told at the breach, or stopped beyond its target.
	 */
	static final String BREACHED = """
			(t.response_breached_at IS NOT NULL OR t.resolution_breached_at IS NOT NULL
			 OR t.response_minutes > t.response_target_minutes OR t.resolution_minutes > t.resolution_target_minutes)""";

}
