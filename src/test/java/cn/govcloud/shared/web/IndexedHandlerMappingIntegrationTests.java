package cn.govcloud.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.govcloud.GovCloudIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexed lookup ({@link IndexedHandlerMapping}) chooses what Spring's lookup over
 * every mapping chooses, for a request to each of GovCloud's mapped paths with its
 * variables filled in, by each method, HTML or JSON, with and without htmx, and for paths
 * nothing is mapped to: the same handler, the same path variables and pattern, or the
 * same refusal (404, 405, 406, 415).
 */
@GovCloudIntegrationTest
class IndexedHandlerMappingIntegrationTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Test
	void theIndexChoosesWhatSpringsFullLookupChooses() throws Exception {
		assertThat(this.mapping).isInstanceOf(IndexedHandlerMapping.class);
		IndexedHandlerMapping indexed = (IndexedHandlerMapping) this.mapping;
		List<String> paths = new ArrayList<>(List.of("/api/v1/none/x", "/applications/x/y/z/w", "/x", "/api"));
		for (RequestMappingInfo info : indexed.getHandlerMethods().keySet()) {
			if (info.getPathPatternsCondition() != null) {
				for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
					paths.add(filledIn(pattern.getPatternString()));
				}
			}
		}
		int compared = 0;
		int handled = 0;
		int total = indexed.getHandlerMethods().size();
		for (String path : paths) {
			for (RequestMethod method : List.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
					RequestMethod.DELETE)) {
				for (String accept : List.of("text/html", "application/json")) {
					for (boolean htmx : List.of(false, true)) {
						Outcome withIndex = outcome(indexed, path, method, accept, htmx, true);
						Outcome without = outcome(indexed, path, method, accept, htmx, false);
						assertThat(withIndex).as("%s %s (%s, htmx %s)", method, path, accept, htmx).isEqualTo(without);
						compared++;
						if (withIndex.handler() != null) {
							handled++;
						}
					}
				}
			}
		}
		assertThat(paths).hasSizeGreaterThan(300);
		assertThat(handled).as("requests some handler took").isGreaterThan(500);
		assertThat(compared).isGreaterThan(handled);
		// a path with a variable in it is tried against a few mappings, not all of them
		MockHttpServletRequest request = request("/applications/" + java.util.UUID.randomUUID(), RequestMethod.GET,
				"text/html", false);
		assertThat(indexed.candidates(request)).isLessThan(total / 10);
	}

	/**
	 * GovCloud's own paths do not overlap, so a ranking among several matching mappings
	 * is checked with mappings made for it, removed afterwards: a literal segment beats a
	 * variable, and two equal ones are refused as Spring refuses them.
	 */
	@Test
	void overlappingPatternsAreRankedAsSpringRanksThem() throws Exception {
		IndexedHandlerMapping indexed = (IndexedHandlerMapping) this.mapping;
		Probe probe = new Probe();
		java.lang.reflect.Method[] methods = { Probe.class.getMethod("a"), Probe.class.getMethod("b"),
				Probe.class.getMethod("c"), Probe.class.getMethod("d") };
		String[] patterns = { "/index-probe/{a}/{b}", "/index-probe/{a}/exact", "/index-probe/tie/{x}/z",
				"/index-probe/tie/{y}/z" };
		List<RequestMappingInfo> added = new ArrayList<>();
		try {
			for (int i = 0; i < patterns.length; i++) {
				RequestMappingInfo info = RequestMappingInfo.paths(patterns[i])
					.methods(RequestMethod.GET)
					.options(indexed.getBuilderConfiguration())
					.build();
				indexed.registerMapping(info, probe, methods[i]);
				added.add(info);
			}
			Outcome exact = outcome(indexed, "/index-probe/q/exact", RequestMethod.GET, "text/html", false, true);
			assertThat(exact.handler()).contains("Probe.b()");
			assertThat(exact)
				.isEqualTo(outcome(indexed, "/index-probe/q/exact", RequestMethod.GET, "text/html", false, false));
			Outcome either = outcome(indexed, "/index-probe/q/other", RequestMethod.GET, "text/html", false, true);
			assertThat(either.handler()).contains("Probe.a()");
			Outcome tie = outcome(indexed, "/index-probe/tie/q/z", RequestMethod.GET, "text/html", false, true);
			assertThat(tie.refusal()).isEqualTo(IllegalStateException.class.getName());
			assertThat(tie)
				.isEqualTo(outcome(indexed, "/index-probe/tie/q/z", RequestMethod.GET, "text/html", false, false));
		}
		finally {
			added.forEach(indexed::unregisterMapping);
		}
		assertThat(outcome(indexed, "/index-probe/q/exact", RequestMethod.GET, "text/html", false, true).handler())
			.isNull();
	}

	/** Handlers for the mappings made by a test. */
	public static final class Probe {

		public String a() {
			return "a";
		}

		public String b() {
			return "b";
		}

		public String c() {
			return "c";
		}

		public String d() {
			return "d";
		}

	}

	private static String filledIn(String pattern) {
		return pattern.replace("/**", "/a/b")
			.replaceAll("\\{\\*[^}]*}", "a/b")
			.replaceAll("\\{[^}:]*:[^}]*}", "1")
			.replaceAll("\\{[^}]*}", "0b4a1f6e-9c2d-4e5f-8a7b-6c5d4e3f2a1b")
			.replace("*", "x");
	}

	private static MockHttpServletRequest request(String path, RequestMethod method, String accept, boolean htmx) {
		MockHttpServletRequest request = new MockHttpServletRequest(method.name(), path);
		request.addHeader("Accept", accept);
		if (htmx) {
			request.addHeader("HX-Request", "true");
		}
		if (method == RequestMethod.POST || method == RequestMethod.PUT) {
			request.setContentType("application/json");
		}
		ServletRequestPathUtils.parseAndCache(request);
		return request;
	}

	private static Outcome outcome(IndexedHandlerMapping mapping, String path, RequestMethod method, String accept,
			boolean htmx, boolean withIndex) {
		MockHttpServletRequest request = request(path, method, accept, htmx);
		String lookupPath = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
		try {
			HandlerMethod handler = withIndex ? mapping.lookupHandlerMethod(lookupPath, request)
					: mapping.lookupWithoutIndex(lookupPath, request);
			return new Outcome((handler != null) ? handler.getMethod().toGenericString() : null,
					Objects.toString(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)),
					(Map<?, ?>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE),
					(Set<?>) request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE), null);
		}
		catch (Exception ex) {
			return new Outcome(null, null, null, null, ex.getClass().getName());
		}
	}

	record Outcome(String handler, String pattern, Map<?, ?> variables, Set<?> producible, String refusal) {
	}

}
