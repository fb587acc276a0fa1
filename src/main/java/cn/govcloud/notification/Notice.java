package cn.govcloud.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to tell someone, independent of their language: a message code of the
 * {@code messages} bundles and its arguments, rendered for each reader when they look.
 * Arguments are text (names, numbers, dates already formatted); a reader's language
 * changes the sentence around them, not the arguments.
 *
 * @param category what the notice asks of its reader
 * @param code the message code, e.g. {@code request.returned}
 * @param args the message arguments {@code {0}}, {@code {1}}, …
 * @param link where to look closer: a path inside GovCloud such as {@code /requests/42},
 * or {@code null}
 */
public record Notice(NoticeCategory category, String code, List<String> args, String link) {

	static final int MAX_ARGS = 10;

	static final int MAX_ARG_LENGTH = 500;

	static final int MAX_LINK_LENGTH = 500;

	private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");

	/**
	 * A path of this site: one leading slash, printable ASCII (percent-encode the rest),
	 * no backslash. Never a scheme or {@code //host}: opening a notice must not lead away
	 * from GovCloud.
	 */
	private static final Pattern LINK = Pattern.compile("/(?![/])[\\x21-\\x5B\\x5D-\\x7E]*");

	public Notice {
		Objects.requireNonNull(category, "category");
		if (code == null || !CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("A notice needs a message code, not '" + code + "'");
		}
		args = List.copyOf((args != null) ? args : List.of());
		if (args.size() > MAX_ARGS || args.stream().anyMatch((arg) -> arg.length() > MAX_ARG_LENGTH)) {
			throw new IllegalArgumentException(
					"A notice takes at most " + MAX_ARGS + " arguments of " + MAX_ARG_LENGTH + " characters");
		}
		if (link != null && (link.length() > MAX_LINK_LENGTH || !LINK.matcher(link).matches())) {
			throw new IllegalArgumentException("A notice links to a path of this site, not '" + link + "'");
		}
	}

	/** A notice without a link; each argument becomes its text, {@code null} none. */
	public static Notice of(NoticeCategory category, String code, Object... args) {
		List<String> texts = (args != null) ? Arrays.stream(args).map((arg) -> Objects.toString(arg, "")).toList()
				: List.of();
		return new Notice(category, code, texts, null);
	}

	/** The same notice, opening {@code link} (a path of this site). */
	public Notice linkingTo(String link) {
		return new Notice(this.category, this.code, this.args, link);
	}

}
