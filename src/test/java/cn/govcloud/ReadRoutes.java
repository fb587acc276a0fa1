package cn.govcloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every read route GovCloud serves — each GET page and GET API of its own controllers, as
 * the request mappings declare them — made callable: path variables and required query
 * parameters get real values. A route with a variable or parameter nobody taught it fails
 * the walk, so a new route cannot slip past unread.
 */
final class ReadRoutes {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

	/** A route and a URL that calls it. */
	record Route(String pattern, String url) {

		boolean api() {
			return this.pattern.startsWith("/api/");
		}

	}

	private ReadRoutes() {
	}

	/**
	 * @param pathValue the value of a path variable, given the pattern and the variable's
	 * name; null if unknown
	 * @param params the values of required query parameters by name
	 */
	static List<Route> of(RequestMappingHandlerMapping mappings, PathValues pathValue, Map<String, String> params) {
		Map<String, Route> routes = new TreeMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			HandlerMethod handler = entry.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("cn.govcloud") || !reads(info)) {
				continue;
			}
			String query = query(handler, params::get);
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				routes.put(pattern, new Route(pattern, fill(pattern, pathValue) + query));
			}
		}
		return new ArrayList<>(routes.values());
	}

	/** Values of path variables. */
	interface PathValues {

		String of(String pattern, String variable);

	}

	private static boolean reads(RequestMappingInfo info) {
		var methods = info.getMethodsCondition().getMethods();
		return methods.isEmpty() || methods.contains(RequestMethod.GET);
	}

	private static String fill(String pattern, PathValues values) {
		Matcher matcher = VARIABLE.matcher(pattern);
		StringBuilder url = new StringBuilder();
		while (matcher.find()) {
			String value = values.of(pattern, matcher.group(1));
			if (value == null) {
				throw new AssertionError("The walk knows no value for {" + matcher.group(1) + "} in " + pattern);
			}
			matcher.appendReplacement(url, Matcher.quoteReplacement(value));
		}
		return matcher.appendTail(url).toString();
	}

	private static String query(HandlerMethod handler, Function<String, String> params) {
		StringBuilder query = new StringBuilder();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
			if (annotation == null || !annotation.required() || Map.class.isAssignableFrom(parameter.getParameterType())
					|| !ValueConstants.DEFAULT_NONE.equals(annotation.defaultValue())) {
				continue;
			}
			String name = annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name();
			String value = params.apply(name);
			if (value == null) {
				throw new AssertionError("The walk knows no value for ?" + name + " of " + handler);
			}
			query.append(query.isEmpty() ? '?' : '&').append(name).append('=').append(value);
		}
		return query.toString();
	}

}
