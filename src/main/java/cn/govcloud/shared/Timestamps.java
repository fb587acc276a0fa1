package cn.govcloud.shared;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * JDBC's timestamps and instants, either of which may be absent (a decision not taken
 * yet).
 */
public final class Timestamps {

	private Timestamps() {
	}

	public static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	public static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
