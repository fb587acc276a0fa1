package cn.govcloud.shared;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of a CSV file GovCloud reads (a supplier's inventory list, the bastion host's
 * access events): UTF-8, fields separated by commas, optionally in double quotes (a
 * doubled quote inside is one quote); trailing blank lines dropped.
 */
public final class CsvText {

	private CsvText() {
	}

	public static List<List<String>> rows(byte[] content) {
		List<List<String>> rows = new ArrayList<>();
		for (String line : new String(content, StandardCharsets.UTF_8).split("\r?\n", -1)) {
			rows.add(fields(line));
		}
		while (!rows.isEmpty() && rows.get(rows.size() - 1).stream().allMatch(String::isBlank)) {
			rows.remove(rows.size() - 1);
		}
		return rows;
	}

	/**
	 * A header row as names: stripped, lower case, without a byte-order mark, blank cells
	 * dropped.
	 */
	public static List<String> header(List<String> cells) {
		return cells.stream()
			.map((c) -> c.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT))
			.filter((c) -> !c.isEmpty())
			.toList();
	}

	/** One CSV line: fields separated by commas, optionally in double quotes. */
	static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
				field.append('"');
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

}
