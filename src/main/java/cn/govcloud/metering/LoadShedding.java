package cn.govcloud.metering;

import java.util.concurrent.Semaphore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Admits a remote-write request only while this node has a free slot for storing one and
 * the consumer's backlog is below its limit (ADR 0012); otherwise the request is answered
 * 429 with {@code Retry-After}, before its body is decoded, and the sender backs off
 * instead of holding a thread while it waits for a connection. The backlog (batches not
 * yet rolled up) is counted at most once a second.
 */
@Component
class LoadShedding {

	private final JdbcTemplate jdbc;

	private final MeteringSettings.Shedding settings;

	private final Semaphore slots;

	private long backlog;

	private long countedAt;

	LoadShedding(JdbcTemplate jdbc, MeteringSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings.shedding();
		this.slots = new Semaphore(Math.max(this.settings.maxConcurrent(), 1));
	}

	/** True if the request may go on; then {@link #release()} must follow. */
	boolean admit() {
		if (backlog() > this.settings.maxBacklog()) {
			return false;
		}
		return this.slots.tryAcquire();
	}

	void release() {
		this.slots.release();
	}

	long retryAfterSeconds() {
		return Math.max(this.settings.retryAfter().toSeconds(), 1);
	}

	private synchronized long backlog() {
		long now = System.nanoTime();
		if (this.countedAt == 0 || now - this.countedAt > 1_000_000_000L) {
			Long count = this.jdbc.queryForObject("SELECT count(*) FROM metering_batch", Long.class);
			this.backlog = (count != null) ? count : 0;
			this.countedAt = now;
		}
		return this.backlog;
	}

}
