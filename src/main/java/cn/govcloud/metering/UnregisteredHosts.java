package cn.govcloud.metering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Collects the hosts of series that match no instance in memory and writes them to
 * {@code metering_unregistered} every few seconds (and at shutdown), so the hot path
 * writes nothing for them. Their samples are counted durably as "unmatched" in the batch
 * rows either way.
 */
@Component
class UnregisteredHosts {

	private final JdbcTemplate jdbc;

	private final Map<Key, Seen> pending = new ConcurrentHashMap<>();

	UnregisteredHosts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void seen(UUID supplier, SeriesEntry series, long samples) {
		Instant now = Instant.now();
		this.pending.merge(new Key(supplier, series.matchValue), new Seen(now, now, samples, series.labels()),
				(a, b) -> new Seen(a.first(), b.last(), a.samples() + b.samples(), a.example()));
	}

	@Scheduled(fixedDelayString = "${govcloud.metering.unregistered-flush:5s}")
	@PreDestroy
	void flush() {
		if (this.pending.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		for (Key key : List.copyOf(this.pending.keySet())) {
			Seen seen = this.pending.remove(key);
			if (seen != null) {
				String example = (seen.example().length() > 1000) ? seen.example().substring(0, 1000) : seen.example();
				rows.add(new Object[] { key.supplier(), key.matchValue(), Timestamp.from(seen.first()),
						Timestamp.from(seen.last()), seen.samples(), example });
			}
		}
		this.jdbc.batchUpdate("""
				INSERT INTO metering_unregistered (supplier_id, match_value, first_seen, last_seen, samples, example)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (supplier_id, match_value) DO UPDATE
				SET last_seen = greatest(metering_unregistered.last_seen, EXCLUDED.last_seen),
				    samples = metering_unregistered.samples + EXCLUDED.samples
				""", rows);
	}

	private record Key(UUID supplier, String matchValue) {
	}

	private record Seen(Instant first, Instant last, long samples, String example) {
	}

}
