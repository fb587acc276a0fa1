package cn.govcloud.reporting;

import java.sql.Date;
import java.time.YearMonth;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Narrows the list of reports; every field is optional. */
public record ReportFilter(YearMonth month, ReportStatus status, UUID unitId) {

	String sql() {
		return ((this.month != null) ? " AND r.month = :month" : "")
				+ ((this.status != null) ? " AND r.status = :status" : "")
				+ ((this.unitId != null) ? " AND r.unit_id = :unit" : "");
	}

	JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		if (this.month != null) {
			statement = statement.param("month", Date.valueOf(this.month.atDay(1)));
		}
		if (this.status != null) {
			statement = statement.param("status", this.status.name());
		}
		if (this.unitId != null) {
			statement = statement.param("unit", this.unitId);
		}
		return statement;
	}

}
