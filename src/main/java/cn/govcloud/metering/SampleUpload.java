package cn.govcloud.metering;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.metering.UploadEncoder.Series;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

import org.springframework.stereotype.Service;

/**
 * JSON and CSV uploads for suppliers without Prometheus: every row is checked first and a
 * bad row is named ({@code rows[N].field}) with nothing stored; good uploads go through
 * the same path as remote write (the gauge convention), so matching, duplicates and
 * durability are the same.
 */
@Service
class SampleUpload {

	static final Map<String, SeriesKind> METRICS = Map.of("cpu", SeriesKind.CPU_RATIO, "memory", SeriesKind.MEM_RATIO,
			"disk", SeriesKind.DISK_RATIO, "net_in", SeriesKind.NET_RX_BITS, "net_out", SeriesKind.NET_TX_BITS);

	/** The CSV header. */
	public static final String CSV_HEADER = "instance,metric,dimension,timestamp,value";

	private final RemoteWrite remoteWrite;

	private final InstanceMatcher matcher;

	private final MeteringSettings settings;

	SampleUpload(RemoteWrite remoteWrite, InstanceMatcher matcher, MeteringSettings settings) {
		this.remoteWrite = remoteWrite;
		this.matcher = matcher;
		this.settings = settings;
	}

	public IngestOutcome upload(UUID supplier, List<SampleRow> rows) {
		List<FieldProblem> problems = new ArrayList<>();
		List<Series> series = new ArrayList<>();
		long now = System.currentTimeMillis();
		for (int i = 0; rows != null && i < rows.size(); i++) {
			Series one = check(supplier, rows.get(i), "rows[" + i + "].", now, problems);
			if (one != null) {
				series.add(one);
			}
		}
		if (rows == null || rows.isEmpty()) {
			problems.add(new FieldProblem("samples", "error.field.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		WriteResult result = this.remoteWrite.ingest(supplier, 1, UploadEncoder.encode(series));
		if (result.status() >= 500) {
			throw new IllegalStateException(result.message());
		}
		return result.outcome();
	}

	/** Parses {@value #CSV_HEADER} rows (UTF-8, a header line first). */
	public List<SampleRow> parseCsv(byte[] csv) {
		String[] lines = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r?\n");
		if (lines.length == 0 || !lines[0].strip().equalsIgnoreCase(CSV_HEADER)) {
			throw InvalidInputException.of("file", "error.metering.csvHeader", CSV_HEADER);
		}
		List<SampleRow> rows = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			String[] cells = lines[i].split(",", -1);
			String cell = (cells.length > 4) ? cells[4].strip() : "";
			Double value;
			try {
				value = cell.isEmpty() ? null : Double.valueOf(cell);
			}
			catch (NumberFormatException ex) {
				value = Double.NaN;
			}
			String dimension = (cells.length > 2) ? cells[2].strip() : "";
			String metric = (cells.length > 1) ? cells[1].strip() : "";
			boolean network = metric.toLowerCase(Locale.ROOT).startsWith("net");
			rows.add(new SampleRow(cells[0].strip(), metric, network ? null : dimension, network ? dimension : null,
					(cells.length > 3) ? cells[3].strip() : "", value));
		}
		return rows;
	}

	private Series check(UUID supplier, SampleRow row, String at, long now, List<FieldProblem> problems) {
		int before = problems.size();
		String instance = (row.instance() == null) ? "" : row.instance().strip();
		if (instance.isEmpty()) {
			problems.add(new FieldProblem(at + "instance", "error.field.required"));
		}
		else if (this.matcher.match(supplier, instance, null).instanceId() == null
				&& this.matcher.match(supplier, null, instance).instanceId() == null) {
			problems.add(new FieldProblem(at + "instance", "error.metering.instance", instance));
		}
		SeriesKind kind = (row.metric() == null) ? null : METRICS.get(row.metric().strip().toLowerCase(Locale.ROOT));
		if (kind == null) {
			problems.add(new FieldProblem(at + "metric", "error.metering.metric",
					String.join(", ", METRICS.keySet().stream().sorted().toList())));
		}
		long ts = 0;
		try {
			ts = OffsetDateTime.parse(String.valueOf(row.timestamp()).strip()).toInstant().toEpochMilli();
			if (ts > now + this.settings.futureTolerance().toMillis() || ts < now - this.settings.maxAge().toMillis()) {
				problems.add(new FieldProblem(at + "timestamp", "error.metering.timestamp"));
			}
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(at + "timestamp", "error.field.format"));
		}
		Double value = row.value();
		if (value == null || !Double.isFinite(value) || value < 0
				|| (kind != null && kind.metric().ratio() && value > 1)) {
			problems.add(new FieldProblem(at + "value", "error.metering.value"));
		}
		if (problems.size() > before) {
			return null;
		}
		List<String[]> labels = new ArrayList<>();
		labels.add(new String[] { "__name__", kind.metricName() });
		boolean byCloudId = this.matcher.match(supplier, instance, null).instanceId() != null;
		labels.add(new String[] { byCloudId ? SeriesFactory.INSTANCE_ID_LABEL : this.settings.matchLabel(), instance });
		String dimension = (kind.dimensionLabel() == null) ? null
				: "device".equals(kind.dimensionLabel()) ? row.device() : row.mountpoint();
		if (dimension != null && !dimension.isBlank()) {
			labels.add(new String[] { kind.dimensionLabel(), dimension.strip() });
		}
		labels.sort(Comparator.comparing((String[] label) -> label[0]));
		return new Series(labels, ts, value);
	}

}
