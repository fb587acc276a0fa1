package cn.govcloud.shared.web;

/**
 * A parameter value outside {@link cn.govcloud.shared.InputBounds}; the message code says
 * why, and the API names the parameter.
 */
class RefusedValueException extends IllegalArgumentException {

	private final String code;

	RefusedValueException(String code) {
		super(code);
		this.code = code;
	}

	String code() {
		return this.code;
	}

}
