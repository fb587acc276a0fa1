package cn.govcloud.metering;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import cn.govcloud.GovCloudIntegrationTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGResultSetMetaData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BinaryResults} really gets rows in PostgreSQL's binary format on a statement's
 * first execution (ADR 0048): a slip back to text would show only in the benchmarks'
 * timings. Each query's text is new to the pool, so no connection has run it before; the
 * driver's default, through a plain {@link JdbcTemplate}, is text.
 */
@GovCloudIntegrationTest
class BinaryResultsIntegrationTests {

	private static final int TEXT = 0;

	private static final int BINARY = 1;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aStatementSetBinaryReadsItsArraysAndBytesInBinaryTheFirstTime() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = BinaryResults.binary(connection.prepareStatement(firstTimeQuery("?")))) {
			statement.setInt(1, 1);
			try (ResultSet rs = statement.executeQuery()) {
				assertThat(formats(rs)).containsExactly(BINARY, BINARY);
			}
		}
	}

	@Test
	void theBinaryClientReadsItsArraysAndBytesInBinaryTheFirstTime() {
		List<List<Integer>> formats = BinaryResults.client(this.dataSource)
			.sql(firstTimeQuery(":one"))
			.param("one", 1)
			.query((rs, row) -> formats(rs))
			.list();
		assertThat(formats).containsExactly(List.of(BINARY, BINARY));
	}

	@Test
	void aPlainTemplateReadsTheSameQueryAsTextTheFirstTime() {
		List<List<Integer>> formats = this.jdbc.query(firstTimeQuery("?"), (rs, row) -> formats(rs), 1);
		assertThat(formats).containsExactly(List.of(TEXT, TEXT));
	}

	/**
	 * A query no connection has run (the driver counts executions per connection and
	 * query text): a smallint[] and a bytea column, as the summaries read.
	 */
	private static String firstTimeQuery(String parameter) {
		return "SELECT ARRAY[1, 2, 3]::smallint[] AS codes, '\\x0102'::bytea AS sketch WHERE " + parameter + " = 1 /* "
				+ UUID.randomUUID() + " */";
	}

	private static List<Integer> formats(ResultSet rs) throws SQLException {
		PGResultSetMetaData metadata = rs.getMetaData().unwrap(PGResultSetMetaData.class);
		return List.of(metadata.getFormat(1), metadata.getFormat(2));
	}

}
