package cn.govcloud.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A list's WHERE clause: the caller's scope, then its optional filters, of which only
 * those given become predicates. A catch-all predicate
 * ({@code (CAST(:x AS …) IS NULL OR col = :x)}) gives every combination one statement,
 * and PostgreSQL soon plans that statement once for any value (a generic plan) which can
 * use no index for the filter or the order: at tier L each first page of the systems,
 * applications and contracts joined and sorted the whole table (issue 13, ADR 0047). Here
 * each combination of filters is a statement of its own, planned for what it asks.
 */
public final class Filters {

	private final DataScope.SqlFilter scope;

	private final StringBuilder sql = new StringBuilder();

	private final Map<String, Object> params = new LinkedHashMap<>();

	/** Starting from the records {@code scope} lets the caller see. */
	public Filters(DataScope.SqlFilter scope) {
		this.scope = scope;
	}

	/**
	 * Adds {@code AND predicate} binding {@code :name} to {@code value}, unless the value
	 * is {@code null} (the filter is not asked for).
	 */
	public Filters and(String predicate, String name, Object value) {
		if (value != null) {
			this.sql.append(" AND ").append(predicate);
			this.params.put(name, value);
		}
		return this;
	}

	/** Whether the filter bound to {@code name} was asked for. */
	public boolean has(String name) {
		return this.params.containsKey(name);
	}

	/** {@code " WHERE "}, the scope's predicate and each asked filter's. */
	public String where() {
		return " WHERE " + this.scope.clause() + this.sql;
	}

	/** Binds the scope's organisations and the asked filters' values. */
	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		JdbcClient.StatementSpec bound = this.scope.bind(statement);
		this.params.forEach(bound::param);
		return bound;
	}

}
