package cn.govcloud.metering;

import java.sql.Array;
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
 * the Commission — so callers scope what they show. Only sealed days: one row per
 * instance, metric and day, nothing summed from the hours.
 */
@Service
public class DailyPeaks {

	private static final String SQL = """
			SELECT instance_id, metric, bucket, max, bins, bin_counts FROM metering_1d
			WHERE instance_id = ANY(:ids) AND metric IN (0, 1) AND dimension = ''
			  AND bucket >= :from AND bucket < :to
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
				peaks.add(peak(rs));
			});
		return peaks;
	}

	private static DailyPeak peak(ResultSet rs) throws SQLException {
		Metric metric = Metric.ofCode(rs.getShort("metric"));
		LocalDate day = rs.getTimestamp("bucket").toInstant().atZone(CityTime.ZONE).toLocalDate();
		return new DailyPeak(rs.getObject("instance_id", UUID.class), metric, day,
				p95(metric, ints(rs.getArray("bins")), ints(rs.getArray("bin_counts"))), rs.getDouble("max"));
	}

	/** Nearest rank over bins in ascending order, as {@link Histogram#p95} does. */
	static double p95(Metric metric, int[] bins, int[] counts) {
		long total = 0;
		for (int count : counts) {
			total += count;
		}
		if (total == 0) {
			return Double.NaN;
		}
		long rank = (long) Math.ceil(0.95 * total);
		long seen = 0;
		for (int i = 0; i < bins.length; i++) {
			seen += counts[i];
			if (seen >= rank) {
				return Histogram.representative(metric, bins[i]);
			}
		}
		return Histogram.representative(metric, bins[bins.length - 1]);
	}

	private static int[] ints(Array array) throws SQLException {
		Integer[] values = (Integer[]) array.getArray();
		int[] result = new int[values.length];
		for (int i = 0; i < values.length; i++) {
			result[i] = values[i];
		}
		return result;
	}

}
