package cn.govcloud.security;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.CsvText;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

/**
 * The bastion host's export of sessions: CSV (UTF-8, header
 * {@code person,instance,started_at,ended_at,source_address,session_id}); times as
 * ISO-8601 with an offset, or {@code yyyy-MM-dd HH:mm[:ss]} in city time. Every row is
 * read or none: a bad cell is reported as {@code rows[N].C}.
 */
final class AccessEventFile {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	static final int MAX_ROWS = 20_000;

	static final List<String> COLUMNS = List.of("person", "instance", "started_at", "ended_at", "source_address",
			"session_id");

	private AccessEventFile() {
	}

	static List<AccessEventForm> read(byte[] content) {
		if (content == null || content.length == 0 || content.length > MAX_BYTES) {
			throw InvalidInputException.of("file", "access.file.size", MAX_BYTES / 1024 / 1024);
		}
		List<List<String>> rows = CsvText.rows(content);
		if (rows.isEmpty() || !CsvText.header(rows.get(0)).equals(COLUMNS)) {
			throw InvalidInputException.of("file", "access.file.header", String.join(",", COLUMNS));
		}
		if (rows.size() > MAX_ROWS + 1) {
			throw InvalidInputException.of("file", "access.file.rows", MAX_ROWS);
		}
		List<AccessEventForm> events = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> cells = rows.get(r);
			if (cells.stream().allMatch(String::isBlank)) {
				continue;
			}
			if (cells.size() != COLUMNS.size()) {
				problems.add(new FieldProblem("rows[" + (r + 1) + "]", "access.file.columns", COLUMNS.size()));
				continue;
			}
			events.add(new AccessEventForm(cells.get(0).strip(), cells.get(1).strip(),
					time(cells.get(2), r + 1, 'C', problems), time(cells.get(3), r + 1, 'D', problems),
					cells.get(4).strip(), cells.get(5).strip()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return events;
	}

	/** A time as ISO-8601 with an offset, or a city time without one. */
	static Instant parseTime(String text) {
		String value = text.strip();
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeException ex) {
			String local = value.replace(' ', 'T');
			return LocalDateTime.parse((local.length() == 16) ? local + ":00" : local)
				.atZone(CityTime.ZONE)
				.toInstant();
		}
	}

	private static Instant time(String text, int row, char column, List<FieldProblem> problems) {
		try {
			return parseTime(text);
		}
		catch (DateTimeException ex) {
			problems.add(new FieldProblem("rows[" + row + "]." + column, "access.file.time"));
			return null;
		}
	}

}
