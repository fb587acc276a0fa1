package cn.govcloud.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded default: with no {@code spring.datasource.url} (or
 * {@code GOVCLOUD_DB_URL}) GovCloud starts a real PostgreSQL 15 whose files live under
 * {@code govcloud.embedded-db.data-dir}, so a restart keeps everything. A blank data dir
 * means a throw-away directory (tests). One server per data directory per JVM, so test
 * contexts share it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoExternalDatabase.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	private static final Map<String, EmbeddedPostgres> servers = new ConcurrentHashMap<>();

	@Bean
	DataSource dataSource(@Value("${govcloud.embedded-db.data-dir:}") String dataDir,
			@Value("${govcloud.embedded-db.port:0}") int port,
			@Value("${govcloud.embedded-db.leak-detection:0}") java.time.Duration leakDetection) {
		EmbeddedPostgres server = servers.computeIfAbsent(dataDir, (dir) -> start(dir, port));
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(10);
		dataSource.setPoolName("govcloud-embedded");
		// Tests log where a connection has been held too long (a leak or a pool
		// deadlock).
		dataSource.setLeakDetectionThreshold(leakDetection.toMillis());
		return dataSource;
	}

	private static EmbeddedPostgres start(String dataDir, int port) {
		try {
			Path directory = StringUtils.hasText(dataDir) ? Path.of(dataDir).toAbsolutePath()
					: Files.createTempDirectory("govcloud-pg-");
			Files.createDirectories(directory);
			stopOrphanedServer(directory);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(!StringUtils.hasText(dataDir))
				.setServerConfig("timezone", "UTC")
				.setServerConfig("max_connections", "100")
				// The embedded server's own default is fsync off: fine for throw-away
				// test
				// data, not for a data directory that must survive a crash (metering's
				// "a 2xx means durable", ADR 0010).
				.setServerConfig("fsync", StringUtils.hasText(dataDir) ? "on" : "off")
				// Stopped by Spring Boot after every application context has closed
				// (below), not by
				// a JVM hook of its own that would race the contexts still using it.
				.setRegisterShutdownHook(false);
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres server = builder.start();
			log.info("Embedded PostgreSQL started on port {} with data in {}", server.getPort(), directory);
			SpringApplication.getShutdownHandlers().add(() -> close(server));
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, ex);
		}
	}

	/**
	 * A GovCloud killed hard (kill -9) leaves its PostgreSQL running on the data
	 * directory; it is stopped (SIGTERM: a clean shutdown, committed data is kept) before
	 * the new one starts. A server that crashed leaves a stale postmaster.pid that
	 * PostgreSQL itself recovers from.
	 */
	static void stopOrphanedServer(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
		if (!first.matches("\\d+")) {
			return;
		}
		ProcessHandle.of(Long.parseLong(first))
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().command().orElse("").contains("postgres"))
			.ifPresent((orphan) -> {
				log.warn("Stopping the PostgreSQL (pid {}) left running on {} by an earlier process", orphan.pid(),
						directory);
				orphan.destroy();
				try {
					orphan.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new IllegalStateException("The PostgreSQL left running on " + directory + " did not stop",
							ex);
				}
			});
	}

	private static void close(EmbeddedPostgres server) {
		try {
			server.close();
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly", ex);
		}
	}

	static class NoExternalDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
