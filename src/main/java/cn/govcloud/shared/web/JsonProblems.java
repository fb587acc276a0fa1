package cn.govcloud.shared.web;

import tools.jackson.core.JacksonException;

/** The message code for a JSON value that could not be read into its field. */
final class JsonProblems {

	private JsonProblems() {
	}

	static String code(JacksonException ex) {
		String message = ex.getOriginalMessage();
		if (message != null && message.startsWith(JsonInputBounds.CODE_MARK)) {
			return message.substring(JsonInputBounds.CODE_MARK.length());
		}
		if (message != null && message.startsWith("Cannot map `null` into type")) {
			return "error.field.required";
		}
		return "error.json.value";
	}

}
