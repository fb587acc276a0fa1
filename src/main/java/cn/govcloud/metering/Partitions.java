package cn.govcloud.metering;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The time partitions of the rollups (UTC): 5-minute cells, packed hours of the open day
 * and packed days by day, hourly month rows by month, daily month rows by year. The
 * consumer creates them as data needs them (and a day ahead); retention drops whole
 * partitions whose range ended before the retention period, which costs nothing per row.
 */
@Component
class Partitions {

	enum Table {

		FIVE_MINUTES("metering_5m", "yyyyMMdd"), FIVE_MINUTE_HOURS("metering_5m_hour", "yyyyMMdd"),
		FIVE_MINUTE_DAYS("metering_5m_day", "yyyyMMdd"), HOURLY("metering_1h_month", "yyyyMM"),
		DAILY("metering_1d_month", "yyyy");

		final String parent;

		final DateTimeFormatter suffix;

		Table(String parent, String suffix) {
			this.parent = parent;
			this.suffix = DateTimeFormatter.ofPattern(suffix);
		}

		LocalDate start(Instant at) {
			LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
			return switch (this) {
				case FIVE_MINUTES, FIVE_MINUTE_HOURS, FIVE_MINUTE_DAYS -> day;
				case HOURLY -> day.withDayOfMonth(1);
				case DAILY -> day.withDayOfYear(1);
			};
		}

		LocalDate next(LocalDate start) {
			return switch (this) {
				case FIVE_MINUTES, FIVE_MINUTE_HOURS, FIVE_MINUTE_DAYS -> start.plusDays(1);
				case HOURLY -> start.plusMonths(1);
				case DAILY -> start.plusYears(1);
			};
		}

		String name(LocalDate start) {
			return this.parent + "_p" + this.suffix.format(start);
		}

	}

	/**
	 * Half of each page of 5-minute cells left free: the consumer adds to a cell about
	 * once per sample, and with room on the page the update is HOT (no new index entry,
	 * the old version pruned on the page) — half the upsert time and no bloat (ADR 0039).
	 */
	static final int CELL_FILLFACTOR = 50;

	private final JdbcTemplate jdbc;

	private final Set<String> known = ConcurrentHashMap.newKeySet();

	Partitions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Makes sure the partition holding {@code at} exists. */
	void ensure(Table table, Instant at) {
		LocalDate start = table.start(at);
		String name = table.name(start);
		if (this.known.contains(name)) {
			return;
		}
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF " + table.parent + " FOR VALUES FROM ('"
				+ start + "T00:00:00Z') TO ('" + table.next(start) + "T00:00:00Z')"
				+ ((table == Table.FIVE_MINUTES) ? " WITH (fillfactor = " + CELL_FILLFACTOR + ")" : ""));
		this.known.add(name);
	}

	/** Partitions for every period from {@code from} to {@code to} inclusive. */
	void ensureRange(Table table, Instant from, Instant to) {
		for (LocalDate start = table.start(from); !start.atStartOfDay()
			.toInstant(ZoneOffset.UTC)
			.isAfter(to); start = table.next(start)) {
			ensure(table, start.atStartOfDay().toInstant(ZoneOffset.UTC));
		}
	}

	/** Drops the partition holding {@code at} (a packed day's cells). */
	void drop(Table table, Instant at) {
		String name = table.name(table.start(at));
		this.jdbc.execute("DROP TABLE IF EXISTS " + name);
		this.known.remove(name);
	}

	/** After a rolled-back transaction: partitions it created may not exist. */
	void forget() {
		this.known.clear();
	}

	/** Drops the partitions whose whole range is older than {@code now − keep}. */
	List<String> dropExpired(Table table, Instant now, Duration keep) {
		Instant cutoff = now.minus(keep);
		List<String> dropped = new ArrayList<>();
		List<String> names = this.jdbc.queryForList("""
				SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
				JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = ?
				""", String.class, table.parent);
		for (String name : names) {
			LocalDate start = parse(table, name.substring(table.parent.length() + 2));
			if (!table.next(start).atStartOfDay().toInstant(ZoneOffset.UTC).isAfter(cutoff)) {
				this.jdbc.execute("DROP TABLE " + name);
				this.known.remove(name);
				dropped.add(name);
			}
		}
		return dropped;
	}

	private static LocalDate parse(Table table, String suffix) {
		return switch (table) {
			case FIVE_MINUTES, FIVE_MINUTE_HOURS, FIVE_MINUTE_DAYS -> LocalDate.parse(suffix, table.suffix);
			case HOURLY ->
				LocalDate.of(Integer.parseInt(suffix.substring(0, 4)), Integer.parseInt(suffix.substring(4)), 1);
			case DAILY -> LocalDate.of(Integer.parseInt(suffix), 1, 1);
		};
	}

}
