package cn.govcloud.servicedesk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Ticket ratings added up per unit and supplier, for the assessment's satisfaction (Art.
 * 19; ADR 0016: read here, not from the service desk's tables). The Commission reads
 * every unit's, a unit its own, a supplier those of its tickets.
 */
@Service
public class TicketRatings {

	private final JdbcClient jdbc;

	TicketRatings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Ratings given from {@code from} (inclusive) to {@code to} (exclusive). */
	public List<RatingSummary> byUnit(DataScope scope, Instant from, Instant to) {
		DataScope.SqlFilter filter = scope.sqlParty("t.unit_id", "t.supplier_id");
		return filter.bind(this.jdbc.sql("""
				SELECT t.unit_id, t.supplier_id, count(*), avg(r.stars)
				FROM servicedesk_rating r JOIN servicedesk_ticket t ON t.id = r.ticket_id
				WHERE r.rated_at >= :from AND r.rated_at < :to AND %s
				GROUP BY t.unit_id, t.supplier_id
				""".formatted(filter.clause())))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new RatingSummary(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
					rs.getDouble(4)))
			.list();
	}

}
