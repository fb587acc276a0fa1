package cn.govcloud.world;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import cn.govcloud.assessment.Assessments;
import cn.govcloud.audit.AuditBackfill;
import cn.govcloud.reporting.ReportHistory;
import cn.govcloud.rightsizing.Recomputation;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.FieldEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a world (ADR 0013): the city's organisations and people, price lists,
 * systems, applications, contracts, work orders, instances, terminations, notices and
 * audit records in one transaction with COPY, then the hosts' utilisation.
 */
@Service
class World {

	static final String DEMO_PASSWORD = "GovCloud@2026";

	private static final Logger log = LoggerFactory.getLogger(World.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	/** How many past months of reports and obligations a world starts with. */
	static final int REPORT_MONTHS = 3;

	private final TransactionTemplate transactions;

	private final AuditBackfill audit;

	private final WorldUtilisation utilisation;

	private final DeskHistory desk;

	private final Recomputation recommendations;

	private final FieldEncryption encryption;

	private final ReportHistory reports;

	private final Assessments assessments;

	private final DataScopes scopes;

	World(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, AuditBackfill audit,
			WorldUtilisation utilisation, DeskHistory desk, Recomputation recommendations, FieldEncryption encryption,
			ReportHistory reports, Assessments assessments, DataScopes scopes) {
		this.encryption = encryption;
		this.reports = reports;
		this.assessments = assessments;
		this.scopes = scopes;
		this.desk = desk;
		this.recommendations = recommendations;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transactions = transactions;
		this.audit = audit;
		this.utilisation = utilisation;
	}

	/** Whether a world was generated on this database already. */
	public boolean exists() {
		return this.jdbc.sql("SELECT count(*) FROM world_generation").query(Long.class).single() > 0;
	}

	/**
	 * Generates a world; its utilisation is written after the records, in the background
	 * when asked (the records are usable at once, charts fill newest first).
	 */
	public WorldReport generate(WorldSize size, long seed, boolean background) {
		long started = System.nanoTime();
		log.info("Generating a tier-{} world: {} units, {} systems, {} hosts, {} days of utilisation", size.tier(),
				size.units(), size.systems(), size.hosts(), size.days());
		Result result = this.transactions.execute((status) -> records(size, seed));
		// The cast's phone numbers are copied in as plaintext; sealed like any other (ADR
		// 0033).
		this.encryption.sealPlaintext();
		this.encryption.reindex();
		double recordSeconds = (System.nanoTime() - started) / 1e9;
		log.info("World records written in {} s: {} audit records, {} hosts active", "%.1f".formatted(recordSeconds),
				result.audit(), result.scene().hosts.size());
		Runnable utilisation = () -> {
			long utilStarted = System.nanoTime();
			this.utilisation.write(result.scene().hosts, size.days(), result.scene().now, new Random(seed + 1));
			// Art. 8: the city opens with today's rightsizing recommendations, as the
			// daily
			// recomputation would have left them, instead of an empty page until 03:30.
			log.info("World: rightsizing recommendations for {} hosts",
					this.recommendations.recompute(CityTime.today()));
			// Art. 12: the last months' reports and the obligation calendar, drafted from
			// the world's figures as the 1st's run would have, the past ones submitted.
			log.info("World: {} monthly reports of the last {} months", this.reports.write(REPORT_MONTHS),
					REPORT_MONTHS);
			// Fresh statistics for the first people's queries: autovacuum would analyse
			// the bulk-loaded tables only later, one at a time (issue 13). The records'
			// tables only (2.5 s at tier L): the metering rollups' partitions, read by
			// instance and time, are left to autovacuum (all of them took 122 s).
			long analyseStarted = System.nanoTime();
			List<String> tables = this.jdbc.sql("""
					SELECT quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
					WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
					  AND c.relname NOT LIKE 'metering%'
					""").query(String.class).list();
			this.jdbc.sql("ANALYZE " + String.join(", ", tables)).update();
			log.info("World: statistics analysed in {} s",
					"%.1f".formatted((System.nanoTime() - analyseStarted) / 1e9));
			this.jdbc.sql("UPDATE world_generation SET finished_at = now() WHERE id = :id")
				.param("id", result.id())
				.update();
			log.info("World generated: records in {} s, utilisation in {} s", "%.1f".formatted(recordSeconds),
					"%.1f".formatted((System.nanoTime() - utilStarted) / 1e9));
		};
		double utilSeconds = 0;
		if (background) {
			Thread thread = new Thread(utilisation, "world-utilisation");
			thread.setDaemon(true);
			thread.start();
		}
		else {
			long utilStarted = System.nanoTime();
			utilisation.run();
			utilSeconds = (System.nanoTime() - utilStarted) / 1e9;
		}
		return new WorldReport(size, result.scene().copy.counts(), result.audit(), result.scene().hosts.size(),
				recordSeconds, utilSeconds);
	}

	private Result records(WorldSize size, long seed) {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		this.jdbc.sql("""
				INSERT INTO world_generation (id, tier, units, systems, hosts, days, started_at)
				VALUES (:id, :tier, :units, :systems, :hosts, :days, now())
				""")
			.param("id", id)
			.param("tier", size.tier())
			.param("units", size.units())
			.param("systems", size.systems())
			.param("hosts", size.hosts())
			.param("days", size.days())
			.update();
		Random random = new Random(seed);
		LocalDate today = CityTime.today();
		Copy copy = Tables.declare(new Copy());
		City city = new Cast(this.jdbc, copy, random, CityTime.startOf(today.minusDays(400)), passwordHash())
			.build(size);
		var books = Tenders.ensure(this.jdbc, copy, city, today, random,
				city.managers.isEmpty() ? null : city.managers.get(0).id());
		Scene scene = new Scene(copy, random, today, now, city, books);
		Lifecycle lifecycle = new Lifecycle(scene, next("resource_application_number"), next("contract_number"),
				next("termination_number"));
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		new Population(scene, lifecycle, size).populate(() -> flush(copy, connection, false));
		flush(copy, connection, true);
		long desk = System.nanoTime();
		int tickets = this.desk.write(scene, (int) Math.round(size.systems() * Desk.PER_SYSTEM_AND_YEAR));
		flush(copy, connection, true);
		log.info("World: {} tickets in {} s", tickets, "%.1f".formatted(since(desk).toMillis() / 1e3));
		int grants = new AccessHistory(this.jdbc).write(scene,
				(int) Math.round(size.systems() * AccessHistory.PER_SYSTEM_AND_YEAR));
		flush(copy, connection, true);
		log.info("World: {} access grants", grants);
		int findings = new InspectionHistory(this.jdbc).write(scene, Math.max(3, size.systems() / 25));
		flush(copy, connection, true);
		log.info("World: {} security findings", findings);
		int backups = new BackupHistory(this.jdbc).write(scene);
		flush(copy, connection, true);
		log.info("World: {} backup runs", backups);
		log.info("World: {} survey responses", WorldSurveys.write(this.jdbc, city, random));
		log.info("World: {} final assessments of last year",
				WorldAssessments.write(this.assessments, this.scopes.system(city.commission, "宜兴市经济和信息化委员会"), city));
		long[] numbers = lifecycle.nextNumbers();
		setval("resource_application_number", numbers[0]);
		setval("contract_number", numbers[1]);
		setval("termination_number", numbers[2]);
		int audited = this.audit.append(scene.audit);
		return new Result(id, scene, audited);
	}

	private void flush(Copy copy, Connection connection, boolean always) {
		if (always || copy.large()) {
			try {
				copy.flush(connection);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not write the world's rows: " + ex.getMessage(), ex);
			}
		}
	}

	private long next(String sequence) {
		return this.jdbc.sql("SELECT nextval('" + sequence + "')").query(Long.class).single();
	}

	private void setval(String sequence, long next) {
		this.jdbc.sql("SELECT setval('" + sequence + "', :value)").param("value", next).query().singleRow();
	}

	/** The demo password's hash of an existing demo account, or a new one. */
	private String passwordHash() {
		List<String> hashes = this.jdbc.sql(
				"SELECT password_hash FROM app_user WHERE username IN ('reviewer', 'unitadmin') AND NOT must_change_password")
			.query(String.class)
			.list();
		return hashes.isEmpty()
				? "{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(DEMO_PASSWORD)
				: hashes.get(0);
	}

	static Duration since(long nanos) {
		return Duration.ofNanos(System.nanoTime() - nanos);
	}

	private record Result(UUID id, Scene scene, int audit) {
	}

}
