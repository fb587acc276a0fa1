package cn.govcloud.rightsizing;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The list's filters: a unit, an action; {@code null} for any. Without an action the list
 * shows what can become a release order (downsize, upsize, release).
 */
record RecommendationFilter(UUID unitId, Action action) {

	String sql() {
		return ((this.unitId != null) ? " AND r.unit_id = :unitId" : "") + ((this.action != null)
				? " AND r.action = :action" : " AND r.action IN ('DOWNSIZE', 'UPSIZE', 'RELEASE')");
	}

	JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		JdbcClient.StatementSpec bound = (this.unitId != null) ? statement.param("unitId", this.unitId) : statement;
		return (this.action != null) ? bound.param("action", this.action.name()) : bound;
	}

}
