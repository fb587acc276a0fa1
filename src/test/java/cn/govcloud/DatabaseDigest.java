package cn.govcloud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of every business table's rows, to prove that rejected requests leave
 * nothing behind. Left out are the records that rightly note an attempt: the audit trail,
 * the event registry, sign-in bookkeeping and sessions, the scheduled jobs' lock rows and
 * metering's ingest counters.
 */
final class DatabaseDigest {

	static final Set<String> NOTING_ATTEMPTS = Set.of("audit_event", "event_publication", "event_publication_archive",
			"flyway_schema_history", "metering_batch", "metering_totals", "metering_unregistered", "metering_consumer",
			"metering_held", "app_user", "api_token", "consistency_run", "spring_session", "spring_session_attributes",
			"cluster_job_lock");

	private DatabaseDigest() {
	}

	/** Table name → md5 of its rows in a stable order. */
	static Map<String, String> of(JdbcClient jdbc) {
		List<String> tables = jdbc
			.sql("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
					+ "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
					+ "ORDER BY c.relname")
			.query(String.class)
			.list();
		Map<String, String> digests = new LinkedHashMap<>();
		for (String table : tables) {
			if (!NOTING_ATTEMPTS.contains(table)) {
				digests.put(table, jdbc
					.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "
							+ table + " t")
					.query(String.class)
					.single());
			}
		}
		return digests;
	}

}
