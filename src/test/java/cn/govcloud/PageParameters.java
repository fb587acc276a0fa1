package cn.govcloud;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * Malformed query strings for a page, from the {@code @RequestParam}s its handler
 * declares: each spoils one parameter, by its Java type.
 */
final class PageParameters {

	private static final String EDGE = "&edge";

	private PageParameters() {
	}

	static List<String> malformed(HandlerMethod handler) {
		List<String> queries = new ArrayList<>();
		queries.add("?q=a%00b");
		queries.add("?page=2147483647" + EDGE);
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param == null) {
				continue;
			}
			String name = param.name().isEmpty() ? param.value() : param.name();
			if (name.isEmpty()) {
				name = parameter.getParameterName();
			}
			if (name == null) {
				continue;
			}
			for (String bad : bad(parameter.getParameterType())) {
				queries.add("?" + name + "=" + bad);
			}
		}
		return queries;
	}

	static boolean mustBeRefused(String query) {
		return !query.endsWith(EDGE) && !query.contains("page=");
	}

	private static List<String> bad(Class<?> type) {
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return List.of("2147483648", "%00");
		}
		if (type == LocalDate.class) {
			return List.of("%2B999999999-12-31", "0000-01-01", "%00");
		}
		if (type == UUID.class) {
			return List.of("zz", "%00");
		}
		if (type.isEnum()) {
			return List.of("NOPE", "%00");
		}
		if (type == boolean.class || type == Boolean.class) {
			return List.of("maybe", "%00");
		}
		return List.of("a%00b");
	}

}
