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
import org.springframework.jdbc.core.simple.JdbcClient;

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
	 * {@link WireArrays} reads the same arrays from the wire bytes of a binary result as
	 * pgjdbc's {@code getArray()} reads from a text one: negative and extreme codes, a
	 * real's NaN and infinities, an empty array, a sliced one (lower bound not 1).
	 */
	@Test
	void wireArraysReadTheSameValuesFromBinaryAndFromText() {
		String sql = "SELECT ARRAY[-32768, -1, 0, 7, 32767]::smallint[], ARRAY[-2147483648, 0, 31, 2147483647]::int[],"
				+ " ARRAY[0.5, -1.25, 'NaN', 'Infinity', '-Infinity', 3.4e38]::real[], '{}'::smallint[],"
				+ " (ARRAY[1, 2, 3, 4]::smallint[])[2 : 3] WHERE :one = 1 /* %s */";
		// each its own query text: no connection has run either, in either format
		List<List<Object>> binary = arrays(BinaryResults.client(this.dataSource), sql, BINARY);
		List<List<Object>> text = arrays(JdbcClient.create(this.jdbc), sql, TEXT);
		assertThat(binary).hasSize(1);
		for (int column = 0; column < 5; column++) {
			// arrays compared element by element (Arrays.equals: NaN equals NaN)
			assertThat(binary.get(0).get(column)).isEqualTo(text.get(0).get(column));
		}
		List<Object> values = binary.get(0);
		assertThat((short[]) values.get(0)).containsExactly((short) -32768, (short) -1, (short) 0, (short) 7,
				(short) 32767);
		assertThat((int[]) values.get(1)).containsExactly(Integer.MIN_VALUE, 0, 31, Integer.MAX_VALUE);
		assertThat((float[]) values.get(2)).containsExactly(0.5f, -1.25f, Float.NaN, Float.POSITIVE_INFINITY,
				Float.NEGATIVE_INFINITY, 3.4e38f);
		assertThat((short[]) values.get(3)).isEmpty();
		assertThat((short[]) values.get(4)).containsExactly((short) 2, (short) 3);
	}

	/** The query's one row read with {@code client}, its columns in {@code format}. */
	private static List<List<Object>> arrays(JdbcClient client, String sql, int format) {
		return client.sql(sql.formatted(UUID.randomUUID())).param("one", 1).query((rs, row) -> {
			assertThat(formats(rs)).containsExactly(format, format);
			return arrays(rs);
		}).list();
	}

	private static List<Object> arrays(ResultSet rs) throws SQLException {
		return List.of(WireArrays.shorts(rs, 1), WireArrays.ints(rs, 2), WireArrays.floats(rs, 3),
				WireArrays.shorts(rs, 4), WireArrays.shorts(rs, 5));
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
