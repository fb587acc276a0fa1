package cn.govcloud.world;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.postgresql.PGConnection;

/**
 * Rows of many tables, buffered as PostgreSQL's COPY text format and written with
 * {@code COPY ... FROM STDIN} in the order the tables were first used (so references
 * resolve). Values: {@code null} is {@code \N}; instants as UTC timestamps; everything
 * else by {@code toString()} with tabs, newlines and backslashes escaped.
 */
final class Copy {

	private static final int FLUSH_AT = 8 << 20;

	private final Map<String, StringBuilder> tables = new LinkedHashMap<>();

	private final Map<String, Long> counts = new LinkedHashMap<>();

	/** Declares a table with its columns, so the order of writing is fixed early. */
	Copy table(String table) {
		this.tables.computeIfAbsent(table, (t) -> new StringBuilder(1 << 16));
		return this;
	}

	void row(String table, Object... values) {
		StringBuilder out = this.tables.computeIfAbsent(table, (t) -> new StringBuilder(1 << 16));
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			append(out, values[i]);
		}
		out.append('\n');
		this.counts.merge(table.substring(0, table.indexOf(' ') > 0 ? table.indexOf(' ') : table.length()), 1L,
				Long::sum);
	}

	boolean large() {
		return this.tables.values().stream().mapToInt(StringBuilder::length).sum() > FLUSH_AT;
	}

	/** Writes everything buffered, table by table, and empties the buffers. */
	void flush(Connection connection) throws SQLException, IOException {
		var copier = connection.unwrap(PGConnection.class).getCopyAPI();
		for (Map.Entry<String, StringBuilder> table : this.tables.entrySet()) {
			if (table.getValue().length() > 0) {
				copier.copyIn("COPY " + table.getKey() + " FROM STDIN", new StringReader(table.getValue().toString()));
				table.getValue().setLength(0);
			}
		}
	}

	Map<String, Long> counts() {
		return this.counts;
	}

	private static void append(StringBuilder out, Object value) {
		if (value == null) {
			out.append("\\N");
			return;
		}
		if (value instanceof Instant instant) {
			out.append(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
			return;
		}
		if (value instanceof LocalDate || value instanceof Number || value instanceof Boolean
				|| value instanceof java.util.UUID) {
			out.append(value);
			return;
		}
		if (value instanceof byte[] bytes) {
			out.append("\\\\x").append(java.util.HexFormat.of().formatHex(bytes));
			return;
		}
		String text = value.toString();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
	}

}
