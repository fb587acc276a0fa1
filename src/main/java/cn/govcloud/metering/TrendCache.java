package cn.govcloud.metering;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Recent trend lines (issue 13): the city's or a supplier's line over a week reads the
 * rollups of tens of thousands of hosts, seconds of work that every Commission member
 * opening the utilisation page repeated. A line is kept per set of instances (a digest of
 * their ids, so a new or reclaimed instance is a new line), metric and range, and served
 * while its end is within {@link #FRESH} of the end asked for; up to {@link #STALE} it is
 * still served while one background refresh reads it anew. A line is therefore at most a
 * minute behind the rollups on a busy page, ten minutes on a page nobody opened for a
 * while. Only lines ending now are kept (windows in the past are read each time), and no
 * empty line (a city without data yet must show its first points at once).
 */
@Component
class TrendCache implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TrendCache.class);

	static final Duration FRESH = Duration.ofSeconds(60);

	static final Duration STALE = Duration.ofMinutes(10);

	private static final int MAX_LINES = 2_000;

	private final Map<Key, Line> lines = new ConcurrentHashMap<>();

	private final Set<Key> refreshing = ConcurrentHashMap.newKeySet();

	private final ExecutorService refresher = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "trend-refresh");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * The line of {@code ids} from {@code from} to {@code to}, read by {@code read} with
	 * the window it is given unless a recent enough line is kept.
	 */
	List<TrendPoint> line(UUID[] ids, Metric metric, Instant from, Instant to, Reader read) {
		return line(digest(ids), metric, from, to, read);
	}

	/**
	 * The same for a set of instances named by a digest of their ids that does not depend
	 * on their order (e.g. {@code Instances.fingerprint}, computed in PostgreSQL without
	 * reading the ids: issue 13).
	 */
	List<TrendPoint> line(String set, Metric metric, Instant from, Instant to, Reader read) {
		if (Duration.between(to, Instant.now()).abs().compareTo(FRESH) >= 0) {
			return read.read(from, to);
		}
		Key key = new Key(set, metric, Duration.between(from, to).toMinutes());
		Line kept = this.lines.get(key);
		Duration behind = (kept != null) ? kept.behind(to) : null;
		if (kept != null && behind.compareTo(FRESH) < 0) {
			return kept.points();
		}
		if (kept != null && behind.compareTo(STALE) < 0) {
			refresh(key, read, from, to);
			return kept.points();
		}
		return store(key, to, read.read(from, to));
	}

	/** One refresh per line at a time, of the same range moved on by the time waited. */
	private void refresh(Key key, Reader read, Instant from, Instant to) {
		if (!this.refreshing.add(key)) {
			return;
		}
		Instant asked = Instant.now();
		this.refresher.execute(() -> {
			try {
				Duration waited = Duration.between(asked, Instant.now());
				store(key, to.plus(waited), read.read(from.plus(waited), to.plus(waited)));
			}
			catch (RuntimeException ex) {
				log.warn("Could not refresh a utilisation trend line: {}", ex.toString());
			}
			finally {
				this.refreshing.remove(key);
			}
		});
	}

	private List<TrendPoint> store(Key key, Instant to, List<TrendPoint> points) {
		if (points.isEmpty()) {
			this.lines.remove(key);
			return points;
		}
		if (this.lines.size() >= MAX_LINES) {
			this.lines.clear();
		}
		this.lines.put(key, new Line(to, Instant.now(), List.copyOf(points)));
		return points;
	}

	@Override
	public void destroy() {
		this.refresher.shutdownNow();
	}

	private static String digest(UUID[] ids) {
		UUID[] sorted = ids.clone();
		Arrays.sort(sorted);
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			ByteBuffer buffer = ByteBuffer.allocate(16);
			for (UUID id : sorted) {
				buffer.clear();
				buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
				sha.update(buffer.array());
			}
			return java.util.HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Reads a line over a window. */
	interface Reader {

		List<TrendPoint> read(Instant from, Instant to);

	}

	private record Key(String ids, Metric metric, long minutes) {
	}

	/** A line read at {@code readAt} up to {@code to}. */
	private record Line(Instant to, Instant readAt, List<TrendPoint> points) {

		/** How far behind a line ending at {@code end} asked now this one is. */
		Duration behind(Instant end) {
			Duration age = Duration.between(this.readAt, Instant.now());
			Duration apart = Duration.between(this.to, end).abs();
			return (age.compareTo(apart) > 0) ? age : apart;
		}

	}

}
