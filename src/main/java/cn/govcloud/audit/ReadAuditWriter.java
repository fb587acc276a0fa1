package cn.govcloud.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains the read records of {@link ReadAudit} in one writer thread (ADR 0034, issue 13):
 * a request queues its record (who, what, when and from where, taken while it runs) and
 * answers without waiting for the chain's lock; the writer appends what has queued in one
 * transaction, still one record per request. A failed write is retried with the same
 * records. Stopping (a normal shutdown, after the web server has stopped taking requests)
 * writes everything still queued; a queue that is full (the database far behind) makes
 * the request write its own record, as before.
 */
@Component
class ReadAuditWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReadAuditWriter.class);

	private static final int CAPACITY = 50_000;

	private static final int MAX_BATCH = 1_000;

	private final BlockingQueue<ChainAppend.Entry> queue = new LinkedBlockingQueue<>(CAPACITY);

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transactions;

	private final Object progress = new Object();

	private long queued;

	private long written;

	private volatile Thread thread;

	ReadAuditWriter(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
	}

	/** Queues a record, or writes it at once when the writer is stopped or far behind. */
	void add(ChainAppend.Entry entry) {
		synchronized (this.progress) {
			if (this.thread != null && this.queue.offer(entry)) {
				this.queued++;
				return;
			}
		}
		write(List.of(entry));
	}

	/** Waits until every record queued before this call is in the chain (tests). */
	void flush() throws InterruptedException {
		synchronized (this.progress) {
			long target = this.queued;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (this.written < target && this.thread != null) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new IllegalStateException("Read records not written within 30 s");
				}
				this.progress.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
			}
		}
	}

	@Override
	public void start() {
		Thread writer = new Thread(this::run, "read-audit-writer");
		writer.setDaemon(true);
		synchronized (this.progress) {
			this.thread = writer;
		}
		writer.start();
	}

	/** Stops taking records and writes those queued. */
	@Override
	public void stop() {
		Thread writer;
		synchronized (this.progress) {
			writer = this.thread;
			this.thread = null;
			this.progress.notifyAll();
		}
		if (writer != null) {
			try {
				writer.join(TimeUnit.SECONDS.toMillis(60));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		drain();
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	/**
	 * After the web server (which stops in a later phase) has stopped taking requests.
	 */
	@Override
	public int getPhase() {
		return 0;
	}

	/** Writes what has queued until stopped and the queue is empty. */
	private void run() {
		List<ChainAppend.Entry> batch = new ArrayList<>();
		int failures = 0;
		while (true) {
			if (batch.isEmpty()) {
				ChainAppend.Entry first = poll();
				if (first == null) {
					if (this.thread == null && this.queue.isEmpty()) {
						return;
					}
					continue;
				}
				batch.add(first);
			}
			this.queue.drainTo(batch, MAX_BATCH - batch.size());
			try {
				write(batch);
				done(batch.size());
				batch.clear();
				failures = 0;
			}
			catch (RuntimeException ex) {
				failures++;
				log.warn("Could not write {} read records to the audit trail (attempt {}): {}", batch.size(), failures,
						ex.toString());
				if (this.thread == null && failures >= 3) {
					log.error("Stopping with {} read records not written to the audit trail", batch.size());
					return;
				}
				pause();
			}
		}
	}

	private ChainAppend.Entry poll() {
		try {
			return this.queue.poll(200, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			// nothing interrupts the writer: it stops once stopped and empty
			return null;
		}
	}

	private void drain() {
		List<ChainAppend.Entry> rest = new ArrayList<>();
		this.queue.drainTo(rest);
		if (!rest.isEmpty()) {
			write(rest);
			done(rest.size());
		}
	}

	private void write(List<ChainAppend.Entry> entries) {
		this.transactions.executeWithoutResult((status) -> ChainAppend.append(this.jdbc, this.template, entries));
	}

	private void done(int count) {
		synchronized (this.progress) {
			this.written += count;
			this.progress.notifyAll();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(1_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
