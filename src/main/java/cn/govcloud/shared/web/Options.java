package cn.govcloud.shared.web;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.web.util.HtmlUtils;

/**
 * A long {@code <select>}'s options written in Java, for the template to insert with
 * {@code th:utext}: the Commission's unit filter lists every unit of the city (1,000 at
 * tier L), and Thymeleaf's {@code th:each} with {@code th:value}, {@code th:selected} and
 * {@code th:text} on each option made that one list most of the utilisation page's
 * rendering (issue 13). Values and labels are HTML-escaped here, as {@code th:value} and
 * {@code th:text} escape them; the chosen value is marked {@code selected}.
 */
public final class Options {

	private Options() {
	}

	/**
	 * @param items the options, in their order
	 * @param value an option's value (its {@code toString()})
	 * @param label an option's text
	 * @param selected the value to mark selected, or {@code null}
	 * @return the {@code <option>} elements
	 */
	public static <T> String html(Collection<T> items, Function<T, ?> value, Function<T, String> label,
			Object selected) {
		String chosen = (selected != null) ? selected.toString() : null;
		StringBuilder html = new StringBuilder(items.size() * 80);
		for (T item : items) {
			String v = Objects.toString(value.apply(item), "");
			html.append("<option value=\"").append(HtmlUtils.htmlEscape(v, "UTF-8")).append('"');
			if (v.equals(chosen)) {
				html.append(" selected=\"selected\"");
			}
			html.append('>').append(HtmlUtils.htmlEscape(Objects.toString(label.apply(item), ""), "UTF-8"));
			html.append("</option>");
		}
		return html.toString();
	}

}
