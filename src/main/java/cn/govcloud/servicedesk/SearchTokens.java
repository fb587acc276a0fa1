package cn.govcloud.servicedesk;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Full-text search that works for Chinese without a word-segmentation dictionary (which
 * PostgreSQL does not ship): Han characters are indexed as overlapping pairs (bigrams, as
 * Lucene's CJK analyser does), other letters and digits as lower-case words. A query
 * matches a ticket holding every token of the query: "磁盘告警" matches "数据库磁盘告警" (磁盘, 盘告,
 * 告警), not "磁盘正常，无告警".
 */
final class SearchTokens {

	/** Enough to index a long description without letting one ticket dominate storage. */
	private static final int MAX_TOKENS = 2000;

	private SearchTokens() {
	}

	static String[] of(String... texts) {
		Set<String> tokens = new LinkedHashSet<>();
		for (String text : texts) {
			if (text != null) {
				collect(text, tokens);
			}
		}
		return tokens.toArray(String[]::new);
	}

	private static void collect(String text, Set<String> tokens) {
		StringBuilder word = new StringBuilder();
		int previousHan = -1;
		for (int i = 0; i < text.length() && tokens.size() < MAX_TOKENS;) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
				flush(word, tokens);
				if (previousHan >= 0) {
					tokens.add(new StringBuilder().appendCodePoint(previousHan).appendCodePoint(c).toString());
				}
				else if (!nextIsHan(text, i)) {
					tokens.add(new String(Character.toChars(c)));
				}
				previousHan = c;
			}
			else {
				previousHan = -1;
				if (Character.isLetterOrDigit(c)) {
					word.appendCodePoint(Character.toLowerCase(c));
				}
				else {
					flush(word, tokens);
				}
			}
		}
		flush(word, tokens);
	}

	private static boolean nextIsHan(String text, int index) {
		return index < text.length()
				&& Character.UnicodeScript.of(text.codePointAt(index)) == Character.UnicodeScript.HAN;
	}

	private static void flush(StringBuilder word, Set<String> tokens) {
		if (!word.isEmpty()) {
			tokens.add(word.toString().toLowerCase(Locale.ROOT));
			word.setLength(0);
		}
	}

}
