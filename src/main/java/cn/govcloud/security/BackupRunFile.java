package cn.govcloud.security;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.govcloud.shared.CsvText;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

/**
 * The supplier's backup runs as CSV (UTF-8, header
 * {@code instance,started_at,finished_at,size_bytes,result}); times as in
 * {@link AccessEventFile#parseTime}, the size in bytes, the result {@code SUCCESS} or
 * {@code FAILED}. Every row is read or none: each bad cell is named as
 * {@code rows[N].column}.
 */
final class BackupRunFile {

	static final List<String> COLUMNS = List.of("instance", "started_at", "finished_at", "size_bytes", "result");

	private BackupRunFile() {
	}

	static List<BackupRunForm> read(byte[] content) {
		if (content == null || content.length == 0 || content.length > AccessEventFile.MAX_BYTES) {
			throw InvalidInputException.of("file", "access.file.size", AccessEventFile.MAX_BYTES / 1024 / 1024);
		}
		List<List<String>> rows = CsvText.rows(content);
		if (rows.isEmpty() || !CsvText.header(rows.get(0)).equals(COLUMNS)) {
			throw InvalidInputException.of("file", "access.file.header", String.join(",", COLUMNS));
		}
		if (rows.size() > AccessEventFile.MAX_ROWS + 1) {
			throw InvalidInputException.of("file", "access.file.rows", AccessEventFile.MAX_ROWS);
		}
		List<BackupRunForm> runs = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> cells = rows.get(r);
			if (cells.stream().allMatch(String::isBlank)) {
				continue;
			}
			String row = "rows[" + (r + 1) + "].";
			if (cells.size() != COLUMNS.size()) {
				problems.add(new FieldProblem("rows[" + (r + 1) + "]", "access.file.columns", COLUMNS.size()));
				continue;
			}
			runs.add(new BackupRunForm(cells.get(0).strip(), time(cells.get(1), row + "started_at", problems),
					time(cells.get(2), row + "finished_at", problems), size(cells.get(3), row, problems),
					result(cells.get(4), row, problems)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return runs;
	}

	private static Instant time(String text, String field, List<FieldProblem> problems) {
		try {
			return AccessEventFile.parseTime(text);
		}
		catch (DateTimeException ex) {
			problems.add(new FieldProblem(field, "access.file.time"));
			return null;
		}
	}

	private static Long size(String text, String row, List<FieldProblem> problems) {
		try {
			long size = Long.parseLong(text.strip());
			if (size >= 0) {
				return size;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(new FieldProblem(row + "size_bytes", "backup.run.size.invalid"));
		return null;
	}

	private static BackupResult result(String text, String row, List<FieldProblem> problems) {
		try {
			return BackupResult.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(row + "result", "backup.run.result"));
			return null;
		}
	}

}
