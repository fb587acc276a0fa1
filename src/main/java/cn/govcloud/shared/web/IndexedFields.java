package cn.govcloud.shared.web;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

/**
 * Rows of a page form whose rows come and go in the browser, named
 * {@code lines[3].quantity}: the row numbers present, in order, gaps and all (a removed
 * row leaves one).
 */
public final class IndexedFields {

	private IndexedFields() {
	}

	/** The row numbers (0–999) of {@code name[i].…} fields in the form. */
	public static SortedSet<Integer> indexes(MultiValueMap<String, String> form, String name) {
		Pattern row = Pattern.compile("^" + Pattern.quote(name) + "\\[(\\d{1,3})]\\.");
		SortedSet<Integer> indexes = new TreeSet<>();
		form.keySet().forEach((key) -> {
			Matcher matcher = row.matcher(key);
			if (matcher.find()) {
				indexes.add(Integer.parseInt(matcher.group(1)));
			}
		});
		return indexes;
	}

}
