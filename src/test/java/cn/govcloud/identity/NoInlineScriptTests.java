package cn.govcloud.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates keep to the Content-Security-Policy ({@code script-src 'self'}): a script
 * the policy would block fails here, by name, instead of silently in a user's browser.
 */
class NoInlineScriptTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/**
	 * An event-handler attribute ({@code onclick=}, {@code th:onchange=}), htmx's own.
	 */
	private static final Pattern HANDLER = Pattern.compile("\\s(?:th:)?(?:on[a-z]+|hx-on[:\\w-]*)\\s*=",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>",
			Pattern.CASE_INSENSITIVE);

	/** Code htmx would evaluate: {@code hx-vals="js:…"}, also when written by th:attr. */
	private static final Pattern EVALUATED = Pattern.compile("hx-va(?:ls|rs)\\s*=\\s*['\"|]?\\s*js:|javascript:",
			Pattern.CASE_INSENSITIVE);

	@Test
	void noTemplateHoldsAnInlineScriptAHandlerAttributeOrEvaluatedCode() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".html")).toList()) {
				String text = Files.readString(file, StandardCharsets.UTF_8);
				for (Pattern pattern : List.of(HANDLER, INLINE_SCRIPT, EVALUATED)) {
					Matcher matcher = pattern.matcher(text);
					while (matcher.find()) {
						found.add(TEMPLATES.relativize(file) + ": " + matcher.group().strip());
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void theCheckRecognisesWhatThePolicyWouldBlock() {
		assertThat(HANDLER.matcher("<button onclick=\"x()\">").find()).isTrue();
		assertThat(HANDLER.matcher("<form hx-on::after-request=\"x()\">").find()).isTrue();
		assertThat(INLINE_SCRIPT.matcher("<script th:inline=\"javascript\">").find()).isTrue();
		assertThat(INLINE_SCRIPT.matcher("<script th:src=\"@{/js/govcloud.js}\" defer></script>").find()).isFalse();
		assertThat(EVALUATED.matcher("hx-vals='js:{a: 1}'").find()).isTrue();
		assertThat(EVALUATED.matcher("th:attr=\"hx-vals=|js:{index: 1}|\"").find()).isTrue();
		assertThat(EVALUATED.matcher("th:attr=\"hx-vals=|{&quot;a&quot;: 1}|\"").find()).isFalse();
		assertThat(HANDLER.matcher("<input name=\"online\" data-one=\"x\">").find()).isFalse();
	}

}
