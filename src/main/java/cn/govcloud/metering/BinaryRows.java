package cn.govcloud.metering;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary COPY format ({@code COPY … FROM STDIN (FORMAT binary)}):
 * PostgreSQL reads a smallint array's elements as 2 bytes each instead of parsing their
 * text, about half its cost of a packed day's row. The fields are written in the table's
 * column order and types: a wrong type is refused by PostgreSQL, not converted.
 */
final class BinaryRows {

	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	/** PostgreSQL's epoch (2000-01-01 UTC) in Unix milliseconds. */
	private static final long PG_EPOCH_MS = 946_684_800_000L;

	private static final int INT2_OID = 21;

	private byte[] bytes = new byte[1 << 16];

	private int length;

	private int rows;

	BinaryRows() {
		put(HEADER, 0, HEADER.length);
	}

	/** Starts a row of {@code fields} fields. */
	BinaryRows row(int fields) {
		this.rows++;
		return int2(fields);
	}

	/**
	 * The key columns of a COPY text key ({@link DayCells#key}): instance, metric,
	 * dimension.
	 */
	BinaryRows key(String key) {
		int metricEnd = key.indexOf('\t', 37);
		field(16);
		UUID instance = UUID.fromString(key.substring(0, 36));
		int8(instance.getMostSignificantBits());
		int8(instance.getLeastSignificantBits());
		field(2);
		int2(Integer.parseInt(key, 37, metricEnd, 10));
		String dimension = key.substring(metricEnd + 1, key.length() - 1);
		byte[] text = ((dimension.indexOf('\\') < 0) ? dimension : unescape(dimension))
			.getBytes(StandardCharsets.UTF_8);
		field(text.length);
		put(text, 0, text.length);
		return this;
	}

	/** A timestamptz field. */
	BinaryRows timestamp(long epochMillis) {
		field(8);
		return int8((epochMillis - PG_EPOCH_MS) * 1000);
	}

	/** A one-dimensional smallint[] field of {@code n} elements, then its elements. */
	BinaryRows int2Array(int n) {
		field(20 + 6 * n);
		int4(1);
		int4(0);
		int4(INT2_OID);
		int4(n);
		return int4(1);
	}

	/** An element of a smallint array. */
	BinaryRows int2Element(int value) {
		ensure(6);
		int4(2);
		return int2(value);
	}

	int rows() {
		return this.rows;
	}

	/** The rows with the format's trailer. */
	InputStream stream() {
		int2(-1);
		return new ByteArrayInputStream(this.bytes, 0, this.length);
	}

	private void field(int bytes) {
		int4(bytes);
	}

	private BinaryRows int2(int value) {
		ensure(2);
		this.bytes[this.length++] = (byte) (value >>> 8);
		this.bytes[this.length++] = (byte) value;
		return this;
	}

	private BinaryRows int4(int value) {
		ensure(4);
		this.bytes[this.length++] = (byte) (value >>> 24);
		this.bytes[this.length++] = (byte) (value >>> 16);
		this.bytes[this.length++] = (byte) (value >>> 8);
		this.bytes[this.length++] = (byte) value;
		return this;
	}

	private BinaryRows int8(long value) {
		int4((int) (value >>> 32));
		return int4((int) value);
	}

	private void put(byte[] source, int from, int n) {
		ensure(n);
		System.arraycopy(source, from, this.bytes, this.length, n);
		this.length += n;
	}

	private void ensure(int more) {
		if (this.length + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
		}
	}

	/** Bytes so far. */
	int length() {
		return this.length;
	}

	/** The text of a dimension escaped for COPY text ({@link DayCells#key}). */
	private static String unescape(String escaped) {
		StringBuilder out = new StringBuilder(escaped.length());
		for (int i = 0; i < escaped.length(); i++) {
			char c = escaped.charAt(i);
			if (c == '\\' && i + 1 < escaped.length()) {
				char next = escaped.charAt(++i);
				out.append(switch (next) {
					case 't' -> '\t';
					case 'n' -> '\n';
					case 'r' -> '\r';
					default -> next;
				});
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
