package cn.govcloud.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * CPU time of a PostgreSQL server on this machine: its postmaster's own and reaped
 * children's time plus its live children's (backends, WAL writer, checkpointer…), from
 * {@code /proc}. Any other client of the same server is counted too.
 */
final class PostgresCpu {

	private static final double TICKS_PER_SECOND = 100;

	private final long postmaster;

	private PostgresCpu(long postmaster) {
		this.postmaster = postmaster;
	}

	/**
	 * The server behind {@code url}; its data directory's postmaster.pid names the
	 * process.
	 */
	static PostgresCpu of(String url) throws SQLException, IOException {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SHOW data_directory")) {
			rows.next();
			String pid = Files.readAllLines(Path.of(rows.getString(1), "postmaster.pid")).get(0).trim();
			return new PostgresCpu(Long.parseLong(pid));
		}
	}

	/** Seconds of CPU so far. */
	double seconds() {
		long ticks = 0;
		long[] own = stat(Path.of("/proc", String.valueOf(this.postmaster), "stat"));
		ticks += own[1] + own[2] + own[3] + own[4];
		try (var processes = Files.list(Path.of("/proc"))) {
			for (Path process : (Iterable<Path>) processes::iterator) {
				if (process.getFileName().toString().chars().allMatch(Character::isDigit)) {
					long[] child = stat(process.resolve("stat"));
					if (child[0] == this.postmaster) {
						ticks += child[1] + child[2];
					}
				}
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return ticks / TICKS_PER_SECOND;
	}

	/** Parent pid, utime, stime, cutime, cstime; zeros for a process that has gone. */
	private static long[] stat(Path file) {
		try {
			String line = Files.readString(file);
			String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
			return new long[] { Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
					Long.parseLong(fields[13]), Long.parseLong(fields[14]) };
		}
		catch (IOException | RuntimeException ex) {
			return new long[5];
		}
	}

}
