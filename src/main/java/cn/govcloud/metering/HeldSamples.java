package cn.govcloud.metering;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Late registration (issue 12, ADR 0036): the samples of a host that matches no instance
 * are held in {@code metering_held} (one row per request and host, written with the
 * request's batch) for {@code govcloud.metering.held-for} (7 days). When the host is
 * recorded, its held samples become one batch of the rollup consumer (counted stored
 * instead of unmatched) and its series get the instance; older rows are pruned. Moving
 * them deletes the rows and inserts the batch in one transaction, so two nodes releasing
 * at once release them once.
 */
@Component
class HeldSamples {

	private static final Logger log = LoggerFactory.getLogger(HeldSamples.class);

	/** How often held hosts are looked at when the directory did not change. */
	static final Duration CHECK_EVERY = Duration.ofSeconds(30);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Duration heldFor;

	HeldSamples(JdbcTemplate jdbc, TransactionTemplate transactions, MeteringSettings settings) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.heldFor = settings.heldFor();
	}

	/**
	 * Releases the held samples of every host that now matches an instance.
	 * @param instanceOf the instance a supplier's match value matches now, or null
	 * @return how many samples were released
	 */
	long release(BiFunction<UUID, String, UUID> instanceOf) {
		List<Host> hosts = this.jdbc.query("SELECT DISTINCT supplier_id, match_value FROM metering_held",
				(rs, n) -> new Host(rs.getObject(1, UUID.class), rs.getString(2)));
		long released = 0;
		for (Host host : hosts) {
			UUID instance = instanceOf.apply(host.supplier(), host.matchValue());
			if (instance != null) {
				Long samples = this.transactions.execute((status) -> release(host, instance));
				released += (samples != null) ? samples : 0;
			}
		}
		if (released > 0) {
			log.info("Metering: {} held samples of newly recorded hosts released", released);
		}
		return released;
	}

	private long release(Host host, UUID instance) {
		this.jdbc.update("""
				UPDATE metering_series SET instance_id = ?
				WHERE supplier_id = ? AND match_value = ? AND instance_id IS DISTINCT FROM ?
				""", instance, host.supplier(), host.matchValue(), instance);
		Long samples = this.jdbc.queryForObject(
				"""
						WITH moved AS (DELETE FROM metering_held WHERE supplier_id = ? AND match_value = ? RETURNING id, samples),
						     joined AS (SELECT sum(length(samples)) / 20 AS n, string_agg(samples, ''::bytea ORDER BY id) AS samples
						                FROM moved),
						     batch AS (INSERT INTO metering_batch (supplier_id, received, stored, ignored, duplicate, out_of_order,
						                                          rejected, unmatched, samples)
						               SELECT ?, 0, n, 0, 0, 0, 0, -n, samples FROM joined WHERE n > 0)
						SELECT coalesce(n, 0) FROM joined
						""",
				Long.class, host.supplier(), host.matchValue(), host.supplier());
		return (samples != null) ? samples : 0;
	}

	/** Drops held samples received longer than the holding time before {@code now}. */
	int prune(Instant now) {
		return this.jdbc.update("DELETE FROM metering_held WHERE received_at < ?",
				Timestamp.from(now.minus(this.heldFor)));
	}

	private record Host(UUID supplier, String matchValue) {
	}

}
