package cn.govcloud.reporting;

import java.sql.Date;
import java.time.YearMonth;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Narrows the obligations; every field is optional. {@code month}: due in that month.
 */
public record ObligationFilter(ObligationKind kind, ObligationStatus status, YearMonth month) {

	String sql() {
		return ((this.kind != null) ? " AND o.kind = :kind" : "")
				+ ((this.status != null) ? " AND o.status = :status" : "")
				+ ((this.month != null) ? " AND o.due_on >= :first AND o.due_on <= :last" : "");
	}

	JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		if (this.kind != null) {
			statement = statement.param("kind", this.kind.name());
		}
		if (this.status != null) {
			statement = statement.param("status", this.status.name());
		}
		if (this.month != null) {
			statement = statement.param("first", Date.valueOf(this.month.atDay(1)))
				.param("last", Date.valueOf(this.month.atEndOfMonth()));
		}
		return statement;
	}

}
