package cn.govcloud.audit;

import cn.govcloud.shared.Sortable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of {@code audit_event}. Writes happen only in {@link AuditTrail}; the table
 * refuses updates and deletes.
 */
@Repository
class AuditEventRepository {

	private static final String COLUMNS = "seq, occurred_at, actor, organization, action, target, outcome, "
			+ "client_address, detail, prev_hash, hash";

	private final JdbcClient jdbc;

	AuditEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The chain in seq order: up to {@code limit} records after {@code afterSeq}. */
	List<AuditRecord> chainAfter(long afterSeq, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE seq > :after ORDER BY seq LIMIT :limit")
			.param("after", afterSeq)
			.param("limit", limit)
			.query(AuditEventRepository::map)
			.list();
	}

	boolean hashExists(String hash) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_event WHERE hash = :hash)")
			.param("hash", hash)
			.query(Boolean.class)
			.single();
	}

	Optional<AuditRecord> find(long seq) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM audit_event WHERE seq = :seq")
			.param("seq", seq)
			.query(AuditEventRepository::map)
			.optional();
	}

	/** The list's columns: the page's headers and the API's {@code sort}. */
	static final Sortable SORTABLE = Sortable.by("seq DESC", "seq")
		.field("seq", "seq")
		.field("occurredAt", "occurred_at")
		.field("actor", "actor")
		.field("organization", "organization")
		.field("action", "action")
		.field("target", "target")
		.field("outcome", "outcome")
		.field("clientAddress", "client_address");

	/** A page of matching records in {@code orderBy} (one of {@link #SORTABLE}'s). */
	List<AuditRecord> search(AuditFilter filter, String orderBy, int offset, int limit) {
		Where where = Where.of(filter);
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM audit_event WHERE " + where.sql() + " ORDER BY " + orderBy
					+ " LIMIT :limit OFFSET :offset")
			.params(where.params())
			.param("limit", limit)
			.param("offset", offset)
			.query(AuditEventRepository::map)
			.list();
	}

	/**
	 * Matching records older than {@code beforeSeq} (null: from the newest), newest
	 * first.
	 */
	List<AuditRecord> searchBefore(AuditFilter filter, Long beforeSeq, int limit) {
		Where where = Where.of(filter);
		Map<String, Object> params = new LinkedHashMap<>(where.params());
		params.put("before", (beforeSeq != null) ? beforeSeq : Long.MAX_VALUE);
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM audit_event WHERE " + where.sql()
					+ " AND seq < :before ORDER BY seq DESC LIMIT :limit")
			.params(params)
			.param("limit", limit)
			.query(AuditEventRepository::map)
			.list();
	}

	/**
	 * How many records match. Unfiltered, that is the highest seq: the chain is gapless
	 * from 1, and reading it from the primary key stays instant at millions of records.
	 */
	long count(AuditFilter filter) {
		if (filter.isEmpty()) {
			return this.jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_event").query(Long.class).single();
		}
		Where where = Where.of(filter);
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE " + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
	}

	private static AuditRecord map(ResultSet rs, int row) throws SQLException {
		return new AuditRecord(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("organization"), rs.getString("action"), rs.getString("target"),
				rs.getString("outcome"), rs.getString("client_address"), rs.getString("detail"),
				rs.getString("prev_hash"), rs.getString("hash"));
	}

	/** The WHERE clause of a filter: only the filters in use, so the indexes serve. */
	private record Where(String sql, Map<String, Object> params) {

		static Where of(AuditFilter filter) {
			List<String> clauses = new ArrayList<>();
			Map<String, Object> params = new LinkedHashMap<>();
			if (filter.from() != null) {
				clauses.add("occurred_at >= :from");
				params.put("from", filter.fromInstant().atOffset(ZoneOffset.UTC));
			}
			if (filter.to() != null) {
				clauses.add("occurred_at < :to");
				params.put("to", filter.toInstantExclusive().atOffset(ZoneOffset.UTC));
			}
			if (filter.actor() != null) {
				clauses.add("actor = :actor");
				params.put("actor", filter.actor());
			}
			if (filter.organization() != null) {
				clauses.add("organization ILIKE '%' || :organization || '%'");
				params.put("organization", escapeLike(filter.organization()));
			}
			if (filter.action() != null) {
				clauses.add("action LIKE :action || '%'");
				params.put("action", escapeLike(filter.action()));
			}
			if (filter.outcome() != null) {
				clauses.add("outcome = :outcome");
				params.put("outcome", filter.outcome().name());
			}
			return new Where(clauses.isEmpty() ? "TRUE" : String.join(" AND ", clauses), params);
		}

		/** Typed text is literal: {@code %} and {@code _} are not wildcards. */
		private static String escapeLike(String text) {
			return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		}

	}

}
