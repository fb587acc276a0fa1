package cn.govcloud.shared.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping with its candidates looked up by the path's first segments
 * (issue 13). A path with a variable in it ({@code /applications/{id}}) has no direct
 * match, and Spring then tries every one of GovCloud's ~500 mappings against the request
 * — method, headers, media types, then the pattern — through five request wrappers: 12 %
 * of the request threads' CPU under the 50-user load test. Here a mapping is filed under
 * the literal segments its patterns start with (up to {@value #DEPTH}), and a request
 * tries only the mappings filed under its own first segments, or under none. A mapping
 * filed elsewhere starts with a literal segment the path does not have, so it could not
 * match: the choice, the ranking among the candidates and the attributes set are
 * Spring's. Direct paths, CORS pre-flight requests, no match and an ambiguous one go to
 * Spring's own lookup, which answers them as before (404, 405, 406, the error).
 */
final class IndexedHandlerMapping extends RequestMappingHandlerMapping {

	/** Literal leading segments a mapping is filed under, at most. */
	static final int DEPTH = 3;

	private volatile @Nullable Index index;

	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
			throws Exception {
		Index current = index();
		if (current.directPaths.contains(lookupPath) || CorsUtils.isPreFlightRequest(request)) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		RequestMappingInfo best = null;
		HandlerMethod bestHandler = null;
		boolean tie = false;
		Comparator<RequestMappingInfo> ranking = null;
		for (RequestMappingInfo candidate : current.candidates(request)) {
			RequestMappingInfo matched = getMatchingMapping(candidate, request);
			if (matched == null) {
				continue;
			}
			if (best == null) {
				best = matched;
				bestHandler = current.handlers.get(candidate);
				continue;
			}
			if (ranking == null) {
				ranking = getMappingComparator(request);
			}
			int order = ranking.compare(matched, best);
			if (order < 0) {
				best = matched;
				bestHandler = current.handlers.get(candidate);
				tie = false;
			}
			else if (order == 0) {
				tie = true;
			}
		}
		if (best == null || tie) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, bestHandler);
		handleMatch(best, lookupPath, request);
		return bestHandler;
	}

	/** Spring's own lookup over every mapping, for comparison in the tests. */
	@Nullable HandlerMethod lookupWithoutIndex(String lookupPath, HttpServletRequest request) throws Exception {
		return super.lookupHandlerMethod(lookupPath, request);
	}

	/** How many mappings a request is tried against, for the tests. */
	int candidates(HttpServletRequest request) {
		return index().candidates(request).size();
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, java.lang.reflect.Method method) {
		super.registerMapping(mapping, handler, method);
		this.index = null;
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		this.index = null;
	}

	private Index index() {
		Index current = this.index;
		if (current == null) {
			current = new Index(getHandlerMethods());
			this.index = current;
		}
		return current;
	}

	/** The mappings by the literal segments their patterns start with. */
	private static final class Index {

		final Map<RequestMappingInfo, HandlerMethod> handlers;

		final Set<String> directPaths = new HashSet<>();

		/** Key: up to {@link #DEPTH} leading literal segments joined by '/'; "" none. */
		final Map<String, List<RequestMappingInfo>> filed = new HashMap<>();

		Index(Map<RequestMappingInfo, HandlerMethod> handlers) {
			this.handlers = handlers;
			for (RequestMappingInfo info : handlers.keySet()) {
				this.directPaths.addAll(info.getDirectPaths());
				PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
				if (patterns == null) {
					file("", info);
					continue;
				}
				for (PathPattern pattern : patterns.getPatterns()) {
					file(key(pattern.getPatternString()), info);
				}
			}
		}

		private void file(String key, RequestMappingInfo info) {
			List<RequestMappingInfo> list = this.filed.computeIfAbsent(key, (k) -> new ArrayList<>());
			if (!list.contains(info)) {
				list.add(info);
			}
		}

		private static String key(String pattern) {
			StringBuilder key = new StringBuilder();
			int depth = 0;
			for (String segment : pattern.split("/")) {
				if (segment.isEmpty()) {
					continue;
				}
				if (depth == DEPTH || segment.indexOf('{') >= 0 || segment.indexOf('*') >= 0
						|| segment.indexOf('?') >= 0) {
					break;
				}
				key.append((depth == 0) ? "" : "/").append(segment);
				depth++;
			}
			return key.toString();
		}

		/**
		 * The mappings filed under the request path's first segments (decoded, as the
		 * patterns match them) or under none, each once.
		 */
		Set<RequestMappingInfo> candidates(HttpServletRequest request) {
			Set<RequestMappingInfo> candidates = new LinkedHashSet<>();
			add(candidates, "");
			StringBuilder key = new StringBuilder();
			int depth = 0;
			for (PathContainer.Element element : ServletRequestPathUtils.getParsedRequestPath(request)
				.pathWithinApplication()
				.elements()) {
				if (!(element instanceof PathContainer.PathSegment segment)) {
					continue;
				}
				key.append((depth == 0) ? "" : "/").append(segment.valueToMatch());
				add(candidates, key.toString());
				if (++depth == DEPTH) {
					break;
				}
			}
			return candidates;
		}

		private void add(Set<RequestMappingInfo> candidates, String key) {
			List<RequestMappingInfo> list = this.filed.get(key);
			if (list != null) {
				candidates.addAll(list);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		WebMvcRegistrations indexedHandlerMapping() {
			return new WebMvcRegistrations() {
				@Override
				public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
					return new IndexedHandlerMapping();
				}
			};
		}

	}

}
