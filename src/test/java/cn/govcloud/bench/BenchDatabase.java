package cn.govcloud.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the database benchmarks share: their {@code --name value} options over defaults,
 * and a throw-away database on the machine's PostgreSQL ({@code BENCH_KEEP_DB=true} keeps
 * it).
 */
public final class BenchDatabase {

	private BenchDatabase() {
	}

	/** The defaults with the arguments' values; an unknown option ends the program. */
	public static Map<String, String> options(Map<String, String> defaults, String[] args) {
		Map<String, String> options = new LinkedHashMap<>(defaults);
		for (int i = 0; i + 1 < args.length; i += 2) {
			if (!options.containsKey(args[i].substring(2))) {
				System.err.println("Unknown option " + args[i] + "; options: " + options.keySet());
				System.exit(2);
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		return options;
	}

	/** A new empty database named after {@code prefix} and the time. */
	public static String create(String server, String prefix) throws SQLException {
		String database = prefix + System.currentTimeMillis();
		execute(server, "CREATE DATABASE " + database);
		return database;
	}

	public static void drop(String server, String database) throws SQLException {
		if (!"true".equals(System.getenv("BENCH_KEEP_DB"))) {
			execute(server, "DROP DATABASE " + database + " WITH (FORCE)");
		}
	}

	private static void execute(String server, String sql) throws SQLException {
		try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "");
				Statement statement = admin.createStatement()) {
			statement.execute(sql);
		}
	}

}
