package cn.govcloud;

import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;

/**
 * What an answer to malformed input must look like: a 4xx (or, for an edge value a list
 * may take, a success), short, in GovCloud's own problem format, naming the field of a
 * 400, and without a trace of the server's insides.
 */
final class Answers {

	static final int MOST_BYTES = 16_384;

	private Answers() {
	}

	/** What is wrong with the answer, or {@code null} when nothing is. */
	static String problemWith(HttpResponse<String> response, boolean mustBeRefused) {
		int status = response.statusCode();
		String body = response.body();
		if (status >= 500) {
			return "server error: " + abbreviate(body);
		}
		if (mustBeRefused && (status < 400 || status >= 500)) {
			return "accepted: " + abbreviate(body);
		}
		if (body.length() > MOST_BYTES) {
			return "answer of " + body.length() + " characters";
		}
		if (body.contains("Exception") || body.contains("\tat ") || body.contains("\"timestamp\"")
				|| body.contains("<html")) {
			return "not a GovCloud problem: " + abbreviate(body);
		}
		if (status == 400) {
			return fieldNamed(body);
		}
		return null;
	}

	private static String fieldNamed(String body) {
		try {
			JsonNode problem = ApiSurface.JSON.readTree(body);
			String field = problem.path("errors").path(0).path("field").asString("");
			if (problem.path("detail").asString("").isBlank() || field.isBlank()) {
				return "a 400 naming no field: " + abbreviate(body);
			}
			return null;
		}
		catch (RuntimeException ex) {
			return "a 400 that is not a problem: " + abbreviate(body);
		}
	}

	private static String abbreviate(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "…" : body;
	}

}
