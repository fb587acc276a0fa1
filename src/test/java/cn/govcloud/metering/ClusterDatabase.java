package cn.govcloud.metering;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.fail;

/**
 * A fresh database on the machine's PostgreSQL server
 * ({@code GOVCLOUD_TEST_EXTERNAL_DB_URL}, else {@code 127.0.0.1:5432}) that several
 * GovCloud nodes share; dropped after the test. Without a server the test is skipped,
 * except in CI ({@code CI=true}), where it fails.
 */
record ClusterDatabase(String server, String url, String user, String password) implements AutoCloseable {

	static ClusterDatabase create() {
		String server = System.getenv()
			.getOrDefault("GOVCLOUD_TEST_EXTERNAL_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
		String user = System.getenv().getOrDefault("GOVCLOUD_TEST_EXTERNAL_DB_USER", "postgres");
		String password = System.getenv().getOrDefault("GOVCLOUD_TEST_EXTERNAL_DB_PASSWORD", "");
		String name = "govcloud_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try {
			execute(server, user, password, "CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail("CI must give a PostgreSQL server (GOVCLOUD_TEST_EXTERNAL_DB_URL): " + ex.getMessage());
			}
			Assumptions.abort("no PostgreSQL server at " + server + ": " + ex.getMessage());
		}
		return new ClusterDatabase(server, server.substring(0, server.lastIndexOf('/') + 1) + name, user, password);
	}

	JdbcClient jdbc() {
		return JdbcClient.create(new DriverManagerDataSource(this.url, this.user, this.password));
	}

	@Override
	public void close() throws SQLException {
		String name = this.url.substring(this.url.lastIndexOf('/') + 1);
		execute(this.server, this.user, this.password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	private static void execute(String url, String user, String password, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
