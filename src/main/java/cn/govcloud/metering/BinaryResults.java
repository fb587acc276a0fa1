package cn.govcloud.metering;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGStatement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterDisposer;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.SqlProvider;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link JdbcClient} whose statements return their rows in PostgreSQL's binary format
 * from the first execution. By default pgjdbc reads a statement's rows as text until it
 * has run five times on one connection. A summary runs a few times spread over the pool,
 * so its arrays of 16-bit codes and 5-minute averages and its sketches (bytea) were
 * printed by PostgreSQL and parsed back by Java character by character: more than half of
 * the Java time of a 500-host unit's 30-day table (issue 12, ADR 0048). The price is one
 * more round trip, to describe the statement, on its first execution per connection.
 */
final class BinaryResults {

	private BinaryResults() {
	}

	/** The statement, set to return its rows in binary from its first execution. */
	static PreparedStatement binary(PreparedStatement statement) throws SQLException {
		statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
		return statement;
	}

	static JdbcClient client(DataSource dataSource) {
		return JdbcClient.create(new NamedParameterJdbcTemplate(new BinaryTemplate(dataSource)));
	}

	private static final class BinaryTemplate extends JdbcTemplate {

		BinaryTemplate(DataSource dataSource) {
			super(dataSource);
		}

		// every query of a JdbcClient comes here (JdbcTemplate's other query methods call
		// this one, and it does not go through execute(creator, action))
		@Override
		public <T> T query(PreparedStatementCreator creator, @Nullable PreparedStatementSetter setter,
				ResultSetExtractor<T> extractor) {
			return super.query(new Binary(creator), setter, extractor);
		}

		@Override
		public <T> T execute(PreparedStatementCreator creator, PreparedStatementCallback<T> action) {
			return super.execute(new Binary(creator), action);
		}

	}

	/** Keeps the creator's SQL (for messages) and its parameter clean-up. */
	private record Binary(
			PreparedStatementCreator creator) implements PreparedStatementCreator, SqlProvider, ParameterDisposer {

		@Override
		public PreparedStatement createPreparedStatement(Connection connection) throws SQLException {
			return binary(this.creator.createPreparedStatement(connection));
		}

		@Override
		public String getSql() {
			return (this.creator instanceof SqlProvider provider) ? provider.getSql() : null;
		}

		@Override
		public void cleanupParameters() {
			if (this.creator instanceof ParameterDisposer disposer) {
				disposer.cleanupParameters();
			}
		}

	}

}
