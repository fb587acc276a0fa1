package cn.govcloud.metering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.CityTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The daily p95 and highest value of CPU and memory per instance (ADR 0016: rightsizing
 * reads them here, not from the rollup tables). Unscoped — a city-wide computation for
 * the Commission — so callers scope what they show. Only sealed days, read from the month
 * rows (the day's p95 is its sketch's, exact to its code; ADR 0035), nothing summed from
 * the hours.
 */
@Service
public class DailyPeaks {

	private static final String SQL = """
			SELECT instance_id, metric, dimension, bucket, avg, max, count, sketch FROM metering_1d_month
			WHERE instance_id = ANY(:ids) AND metric IN (0, 1) AND dimension = ''
			  AND bucket > CAST(:from AS timestamptz) - interval '31 days' AND bucket < :to
			""";

	private final JdbcClient jdbc;

	DailyPeaks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * CPU and memory of these instances from {@code from} to {@code to} (city days, both
	 * included), in no particular order. A list, not query().stream(): an unclosed stream
	 * keeps its connection; callers pass a chunk of instances at a time.
	 */
	public List<DailyPeak> cpuAndMemory(Collection<UUID> instanceIds, LocalDate from, LocalDate to) {
		List<DailyPeak> peaks = new ArrayList<>();
		this.jdbc.sql(SQL)
			.param("ids", instanceIds.toArray(UUID[]::new))
			.param("from", Timestamp.from(CityTime.startOf(from)))
			.param("to", Timestamp.from(CityTime.startOf(to.plusDays(1))))
			.query((rs) -> {
				peaks(rs, from, to, peaks);
			});
		return peaks;
	}

	/** The days of a month row from {@code from} to {@code to} with data. */
	private static void peaks(ResultSet rs, LocalDate from, LocalDate to, List<DailyPeak> peaks) throws SQLException {
		Metric metric = Metric.ofCode(rs.getShort("metric"));
		UUID instance = rs.getObject("instance_id", UUID.class);
		MonthRow row = MonthRow.read(rs, 4, "", metric, rs.getTimestamp("bucket").toInstant());
		LocalDate first = row.month.atZone(CityTime.ZONE).toLocalDate();
		for (int d = 0; d < MonthRow.DAYS; d++) {
			LocalDate day = first.plusDays(d);
			if (row.count[d] > 0 && !day.isBefore(from) && !day.isAfter(to)) {
				peaks.add(new DailyPeak(instance, metric, day,
						DaySketch.value(row.sketch, d * DaySketch.BYTES, metric, DaySketch.P95), row.max[d]));
			}
		}
	}

}
