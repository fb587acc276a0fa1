package cn.govcloud.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU time of the PostgreSQL backends serving one database (from {@code /proc}), so that
 * a benchmark on a shared machine can tell the work it caused from the time it waited:
 * other databases' backends are not counted. A backend that ends between two readings
 * loses its last part; a new one counts from its start.
 */
public final class BackendCpu {

	private static final double TICKS_PER_SECOND = 100;

	private final JdbcClient jdbc;

	private final Map<Integer, Long> atStart;

	private BackendCpu(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.atStart = ticks();
	}

	/** Starts counting the backends of the database {@code jdbc} is connected to. */
	public static BackendCpu of(JdbcClient jdbc) {
		return new BackendCpu(jdbc);
	}

	/** Seconds of CPU the database's backends used since the start. */
	public double seconds() {
		long used = 0;
		for (Map.Entry<Integer, Long> backend : ticks().entrySet()) {
			used += backend.getValue() - this.atStart.getOrDefault(backend.getKey(), 0L);
		}
		return used / TICKS_PER_SECOND;
	}

	private Map<Integer, Long> ticks() {
		List<Integer> pids = this.jdbc.sql("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
			.query(Integer.class)
			.list();
		Map<Integer, Long> ticks = new HashMap<>();
		for (int pid : pids) {
			try {
				String line = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
				String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
				ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
			}
			catch (IOException | RuntimeException ex) {
				// the backend ended (or PostgreSQL runs elsewhere): nothing to count
			}
		}
		return ticks;
	}

}
