package cn.govcloud.metering;

import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.postgresql.PGResultSetMetaData;

/**
 * One-dimensional {@code smallint[]}, {@code integer[]} and {@code real[]} columns read
 * into primitive arrays. A column in PostgreSQL's binary format ({@link BinaryResults})
 * is decoded from its bytes as they came over the wire: pgjdbc's {@code getArray()} makes
 * a boxed {@code Short} or {@code Float} per element, and the utilisation page's packed
 * slots are about 30,000 of them per view (issue 13, ADR 0053). A text column goes
 * through {@code getArray()} as before. A NULL element reads as 0 (NaN for {@code real});
 * the rollups write none.
 */
final class WireArrays {

	/** Bytes before the elements of a one-dimensional array in binary format. */
	private static final int HEADER = 20;

	private WireArrays() {
	}

	static short[] shorts(ResultSet rs, int column) throws SQLException {
		if (!binary(rs, column)) {
			Short[] boxed = (Short[]) elements(rs.getArray(column));
			short[] values = new short[boxed.length];
			for (int i = 0; i < values.length; i++) {
				values[i] = (boxed[i] != null) ? boxed[i] : 0;
			}
			return values;
		}
		ByteBuffer wire = wire(rs, column);
		short[] values = new short[length(wire)];
		for (int i = 0; i < values.length; i++) {
			values[i] = (wire.getInt() < 0) ? 0 : wire.getShort();
		}
		return values;
	}

	static int[] ints(ResultSet rs, int column) throws SQLException {
		if (!binary(rs, column)) {
			Integer[] boxed = (Integer[]) elements(rs.getArray(column));
			int[] values = new int[boxed.length];
			for (int i = 0; i < values.length; i++) {
				values[i] = (boxed[i] != null) ? boxed[i] : 0;
			}
			return values;
		}
		ByteBuffer wire = wire(rs, column);
		int[] values = new int[length(wire)];
		for (int i = 0; i < values.length; i++) {
			values[i] = (wire.getInt() < 0) ? 0 : wire.getInt();
		}
		return values;
	}

	static float[] floats(ResultSet rs, int column) throws SQLException {
		if (!binary(rs, column)) {
			Float[] boxed = (Float[]) elements(rs.getArray(column));
			float[] values = new float[boxed.length];
			for (int i = 0; i < values.length; i++) {
				values[i] = (boxed[i] != null) ? boxed[i] : Float.NaN;
			}
			return values;
		}
		ByteBuffer wire = wire(rs, column);
		float[] values = new float[length(wire)];
		for (int i = 0; i < values.length; i++) {
			values[i] = (wire.getInt() < 0) ? Float.NaN : wire.getFloat();
		}
		return values;
	}

	private static boolean binary(ResultSet rs, int column) throws SQLException {
		return rs.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(column) == 1;
	}

	private static Object elements(Array array) throws SQLException {
		if (array == null) {
			throw new SQLException("NULL array in column where a rollup's values were expected");
		}
		return array.getArray();
	}

	/**
	 * The column's bytes (binary format: the driver hands them out as they came),
	 * positioned at the first element.
	 */
	private static ByteBuffer wire(ResultSet rs, int column) throws SQLException {
		byte[] bytes = rs.getBytes(column);
		if (bytes == null) {
			throw new SQLException("NULL array in column " + column + " where a rollup's values were expected");
		}
		return ByteBuffer.wrap(bytes);
	}

	/**
	 * The element count from the header (dimensions, has-nulls flag, element type, then
	 * length and lower bound of each dimension); an empty array has no dimension.
	 */
	private static int length(ByteBuffer wire) throws SQLException {
		int dimensions = wire.getInt();
		if (dimensions == 0) {
			return 0;
		}
		if (dimensions != 1) {
			throw new SQLException("Expected a one-dimensional array, got " + dimensions + " dimensions");
		}
		int length = wire.getInt(12);
		wire.position(HEADER);
		return length;
	}

}
