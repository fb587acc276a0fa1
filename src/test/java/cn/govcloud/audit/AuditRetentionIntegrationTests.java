package cn.govcloud.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import cn.govcloud.audit.VerificationResult.Problem;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.FieldCipher;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retention and anchoring of the trail (issue 19, ADR 0037) on a database of their own:
 * archiving prunes the oldest records of every test's shared chain, so these tests make a
 * fresh database on the test PostgreSQL, migrate it, and run the real components on it.
 */
@GovCloudIntegrationTest
class AuditRetentionIntegrationTests {

	private static final String KEY = "test:000102030405060708090a0b0c0d0e0f";

	@LocalServerPort
	int port;

	@Autowired
	DataSource shared;

	@TempDir
	Path directory;

	String database;

	DriverManagerDataSource dataSource;

	JdbcClient jdbc;

	TransactionTemplate transaction;

	AuditTrail trail;

	AuditArchives archives;

	AuditArchiving archiving;

	AuditArchive archive;

	ChainAnchor anchor;

	AuditVerification verification;

	@BeforeEach
	void freshDatabase() throws SQLException {
		this.database = "audit_retention_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String url;
		try (Connection connection = this.shared.getConnection(); Statement statement = connection.createStatement()) {
			url = connection.getMetaData().getURL();
			statement.execute("CREATE DATABASE " + this.database);
		}
		this.dataSource = new DriverManagerDataSource(url.replaceFirst("/postgres(\\?|$)", "/" + this.database + "$1"),
				"postgres", "");
		Flyway.configure().dataSource(this.dataSource).load().migrate();
		this.jdbc = JdbcClient.create(this.dataSource);
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(this.dataSource);
		this.transaction = new TransactionTemplate(transactions);
		FieldCipher cipher = FieldCipher.of(KEY);
		AuditSettings settings = new AuditSettings(
				new AuditSettings.Retention(Duration.ofDays(180), this.directory.resolve("archive"), "-"),
				new AuditSettings.Anchor(this.directory.resolve("anchors"), "-"));
		ArchiveStore store = new ArchiveStore(settings, cipher, JsonMapper.builder().build());
		AuditEventRepository repository = new AuditEventRepository(this.jdbc);
		this.trail = new AuditTrail(this.jdbc);
		this.archives = new AuditArchives(this.jdbc);
		this.archiving = new AuditArchiving(repository, this.archives, this.trail, store, transactions);
		this.archive = new AuditArchive(this.archives, store, this.trail);
		this.anchor = new ChainAnchor(settings, cipher, this.jdbc);
		this.verification = new AuditVerification(repository, this.trail, this.archives, this.anchor, transactions);
	}

	@AfterEach
	void dropDatabase() throws SQLException {
		try (Connection connection = this.shared.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)");
		}
	}

	@Test
	void wholeMonthsPastTheRetentionAreArchivedToSignedFilesAndPrunedAndTheChainStillVerifies() throws IOException {
		YearMonth old = YearMonth.now(CityTime.ZONE).minusMonths(9);
		past(old, 3);
		past(old.plusMonths(1), 2);
		// Inside the retention by five days, in a month that ended before the cutoff
		// would not: stays.
		backfill(List.of(event(Instant.now().minus(Duration.ofDays(175)))));
		this.trail.recordAs("tester", null, "test.recent", "now", AuditOutcome.SUCCESS, null);

		List<ArchiveEntry> done = this.archiving.archive(Instant.now());

		assertThat(done).extracting(ArchiveEntry::period).containsExactly(old.toString(), old.plusMonths(1).toString());
		assertThat(done).extracting(ArchiveEntry::records).containsExactly(3L, 2L);
		assertThat(done.get(1).firstSeq()).isEqualTo(4);
		assertThat(done.get(1).firstPrevHash()).isEqualTo(done.get(0).lastHash());
		assertThat(seqs()).as("online after pruning").startsWith(6L).doesNotContain(1L, 2L, 3L, 4L, 5L);
		for (ArchiveEntry entry : done) {
			Path file = this.directory.resolve("archive").resolve(entry.fileName());
			assertThat(file).isRegularFile();
			assertThat(Files.readString(ArchiveFile.signatureOf(file)).strip()).isEqualTo(entry.signature())
				.startsWith("hmac-sm3:test:");
			assertThat(lines(file)).hasSize((int) entry.records());
		}
		assertThat(actions()).containsSubsequence("test.recent", "audit.archive", "audit.archive");

		VerificationResult result = this.verification.check();
		assertThat(result.intact()).as(String.valueOf(result)).isTrue();
		assertThat(result.checked()).isEqualTo(seqs().size());
		assertThat(this.archiving.archive(Instant.now())).as("nothing more is due").isEmpty();

		ArchiveCheck check = this.archive.verify(done.get(0).id());
		assertThat(check.intact()).as(String.valueOf(check.problem())).isTrue();
		assertThat(lastAction()).isEqualTo("audit.archive.verify SUCCESS");
		assertThat(this.archive.verify(done.get(1).id()).intact()).isTrue();
		assertThat(this.verification.check().intact()).as("the chain after the verifications").isTrue();
	}

	@Test
	void aTamperedArchiveFileFailsItsSignatureAndAMissingOneIsNamed() throws IOException {
		past(YearMonth.now(CityTime.ZONE).minusMonths(12), 4);
		ArchiveEntry entry = this.archiving.archive(Instant.now()).get(0);
		Path file = this.directory.resolve("archive").resolve(entry.fileName());
		List<String> lines = lines(file);
		lines.set(1, lines.get(1).replace("\"actor\":\"clerk\"", "\"actor\":\"someone-else\""));
		assertThat(lines.get(1)).contains("someone-else");
		writeLines(file, lines);

		ArchiveCheck check = this.archive.verify(entry.id());

		assertThat(check.intact()).isFalse();
		assertThat(check.problem()).isEqualTo(ArchiveCheck.Problem.SIGNATURE);
		assertThat(lastAction()).isEqualTo("audit.archive.verify FAILURE");
		Files.delete(file);
		assertThat(this.archive.verify(entry.id()).problem()).isEqualTo(ArchiveCheck.Problem.MISSING);
	}

	@Test
	void onlyArchivedRecordsMayBeDeleted() {
		past(YearMonth.now(CityTime.ZONE).minusMonths(12), 2);
		this.trail.recordAs("tester", null, "test.recent", "now", AuditOutcome.SUCCESS, null);
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM audit_event WHERE seq = 1").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		this.archiving.archive(Instant.now());
		long head = seqs().get(seqs().size() - 1);
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM audit_event WHERE seq = :seq").param("seq", head).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM audit_archive").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
	}

	@Test
	void deletingTheNewestRecordsAfterAnAnchorIsFoundAndSoIsAChainGrownAgain() throws IOException {
		for (int i = 0; i < 5; i++) {
			this.trail.recordAs("tester", null, "test.anchor", "record " + i, AuditOutcome.SUCCESS, null);
		}
		ChainAnchor.Anchor published = this.anchor.publish(Instant.now()).orElseThrow();
		assertThat(published.seq()).isEqualTo(5);
		String line = Files.readString(this.directory.resolve("anchors").resolve(ChainAnchor.FILE));
		assertThat(line).startsWith(published.at() + " 5 " + published.hash() + " hmac-sm3:test:");
		assertThat(this.verification.check().intact()).isTrue();

		asIntruder((db) -> db.sql("DELETE FROM audit_event WHERE seq >= 4").update());
		VerificationResult result = this.verification.verify();

		assertThat(result.intact()).isFalse();
		assertThat(result.problem()).isEqualTo(Problem.TRUNCATED);
		assertThat(result.firstBadSeq()).isEqualTo(4);
		assertThat(this.jdbc.sql("SELECT detail FROM audit_event WHERE action = 'audit.verify'")
			.query(String.class)
			.single()).isEqualTo("TRUNCATED: records after seq 3 missing, checked=3");

		// The verification's own record took seq 4; two more make the head pass the
		// anchor again, but the record the anchor names is another.
		this.trail.recordAs("tester", null, "test.anchor", "again", AuditOutcome.SUCCESS, null);
		this.trail.recordAs("tester", null, "test.anchor", "again", AuditOutcome.SUCCESS, null);
		VerificationResult grown = this.verification.check();
		assertThat(grown.problem()).isEqualTo(Problem.ANCHOR_MISMATCH);
		assertThat(grown.firstBadSeq()).isEqualTo(5);
	}

	@Test
	void anAnchorLineMadeUpWithoutTheKeyIsRefused() throws IOException {
		this.trail.recordAs("tester", null, "test.anchor", "one", AuditOutcome.SUCCESS, null);
		this.anchor.publish(Instant.now());
		Path file = this.directory.resolve("anchors").resolve(ChainAnchor.FILE);
		String genuine = Files.readString(file).strip();
		Files.writeString(file, genuine.replace(" 1 ", " 2 ") + "\n", java.nio.file.StandardOpenOption.APPEND);
		assertThat(this.anchor.latest().orElseThrow().genuine()).isFalse();
		assertThat(this.verification.check().problem()).isEqualTo(Problem.ANCHOR_MISMATCH);
	}

	@Test
	void anAnchorOfARecordSinceArchivedIsComparedWithTheArchive() {
		past(YearMonth.now(CityTime.ZONE).minusMonths(12), 3);
		this.anchor.publish(Instant.now());
		this.archiving.archive(Instant.now());
		assertThat(seqs()).as("only the archiving's record is online").hasSize(1);
		VerificationResult result = this.verification.check();
		assertThat(result.intact()).as(String.valueOf(result)).isTrue();
		assertThat(result.checked()).isEqualTo(1);
	}

	@Test
	void theAuditAdministratorSeesTheArchivesPageAndAnUnknownArchiveIsNotFound() {
		TestClient auditor = TestClient.signedIn(this.port, "auditadmin");
		HttpResponse<String> page = auditor.get("/audit/archives?lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Archives of the audit trail").contains("id=\"audit-archives\"");
		assertThat(auditor.postForm("/audit/archives/987654321/verification", Map.of()).statusCode()).isEqualTo(404);
		assertThat(TestClient.signedIn(this.port, "sysadmin").get("/audit/archives").statusCode()).isEqualTo(403);
	}

	private void past(YearMonth month, int count) {
		Instant start = month.atDay(2).atStartOfDay(CityTime.ZONE).toInstant();
		List<AuditBackfill.PastEvent> events = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			events.add(event(start.plus(Duration.ofHours(i))));
		}
		backfill(events);
	}

	private static AuditBackfill.PastEvent event(Instant at) {
		return new AuditBackfill.PastEvent(at, "clerk", "测试单位", "test.past", "record at " + at, "detail");
	}

	private void backfill(List<AuditBackfill.PastEvent> events) {
		AuditBackfill backfill = new AuditBackfill(this.jdbc, new JdbcTemplate(this.dataSource));
		this.transaction.executeWithoutResult((status) -> backfill.append(events));
	}

	private List<Long> seqs() {
		return this.jdbc.sql("SELECT seq FROM audit_event ORDER BY seq").query(Long.class).list();
	}

	private List<String> actions() {
		return this.jdbc.sql("SELECT action FROM audit_event ORDER BY seq").query(String.class).list();
	}

	private String lastAction() {
		return this.jdbc.sql("SELECT action || ' ' || outcome FROM audit_event ORDER BY seq DESC LIMIT 1")
			.query(String.class)
			.single();
	}

	private void asIntruder(Consumer<JdbcClient> change) {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("SET LOCAL session_replication_role = replica").update();
			change.accept(this.jdbc);
		});
	}

	private static List<String> lines(Path file) throws IOException {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			return new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
		}
	}

	private static void writeLines(Path file, List<String> lines) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(bytes)) {
			out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
		}
		Files.write(file, bytes.toByteArray());
	}

}
