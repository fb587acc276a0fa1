package cn.govcloud;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * GovCloud on an external PostgreSQL server, as a city would run it: no demo data, and
 * the first system administrator's password must be supplied. Given a server by
 * {@code GOVCLOUD_TEST_EXTERNAL_DB_URL} (a JDBC URL of a database the test may create
 * databases from, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}) and
 * {@code GOVCLOUD_TEST_EXTERNAL_DB_USER}. In CI ({@code CI=true}) a missing server fails
 * the test instead of skipping it.
 */
class ExternalPostgresIntegrationTests {

	static final String ADMIN_PASSWORD = "First#Admin2026";

	static String serverUrl;

	static String user;

	static String database;

	@BeforeAll
	static void createDatabase() throws SQLException {
		serverUrl = System.getenv("GOVCLOUD_TEST_EXTERNAL_DB_URL");
		user = System.getenv().getOrDefault("GOVCLOUD_TEST_EXTERNAL_DB_USER", "postgres");
		if (serverUrl == null || serverUrl.isBlank()) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail("CI must give an external PostgreSQL server in GOVCLOUD_TEST_EXTERNAL_DB_URL");
			}
			Assumptions.abort("no external PostgreSQL given (GOVCLOUD_TEST_EXTERNAL_DB_URL)");
		}
		database = "govcloud_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute(serverUrl, "CREATE DATABASE " + database);
	}

	@AfterAll
	static void dropDatabase() throws SQLException {
		if (database != null) {
			execute(serverUrl, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
	}

	@Test
	void startsWithoutDemoDataAndTheFirstAdministratorMustEnrolASecondFactor() {
		try (ConfigurableApplicationContext app = start(database, ADMIN_PASSWORD)) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			TestClient admin = TestClient.anonymous(port);
			HttpResponse<String> login = admin.login("sysadmin", ADMIN_PASSWORD);
			assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
			HttpResponse<String> home = admin.get("/");
			assertThat(home.statusCode()).isEqualTo(302);
			// Production defaults: an administrator enrols two factors first, then
			// changes the
			// password (ADR 0032).
			assertThat(URI.create(home.headers().firstValue("Location").orElseThrow()).getPath())
				.isEqualTo("/account/two-factor");
			assertThat(TestClient.anonymous(port)
				.login("unitadmin", TestClient.DEMO_PASSWORD)
				.headers()
				.firstValue("Location")
				.orElse("")).endsWith("/login?error");
		}
	}

	@Test
	void refusesToStartWithoutTheFirstAdministratorsPassword() throws SQLException {
		String empty = database + "_empty";
		execute(serverUrl, "CREATE DATABASE " + empty);
		try {
			assertThatThrownBy(() -> start(empty, "").close()).hasStackTraceContaining("GOVCLOUD_ADMIN_PASSWORD");
		}
		finally {
			execute(serverUrl, "DROP DATABASE IF EXISTS " + empty + " WITH (FORCE)");
		}
	}

	private static ConfigurableApplicationContext start(String databaseName, String adminPassword) {
		String url = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + databaseName;
		String password = System.getenv().getOrDefault("GOVCLOUD_TEST_EXTERNAL_DB_PASSWORD", "");
		// Command-line arguments, so they win over application.yml as an operator's
		// settings would.
		return new SpringApplicationBuilder(GovCloudApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
				"--spring.datasource.password=" + password, "--govcloud.demo-data=auto",
				"--govcloud.bootstrap.admin-password=" + adminPassword, "--logging.level.root=WARN");
	}

	private static void execute(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user,
				System.getenv().getOrDefault("GOVCLOUD_TEST_EXTERNAL_DB_PASSWORD", ""));
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
