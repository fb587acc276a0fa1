package cn.govcloud.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A decision that lost a race or no longer fits the record's state: the other decision
 * won, and the caller is told which (a message code with arguments).
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

	private final String code;

	private final transient Object[] args;

	public ConflictException(String code, Object... args) {
		super(code);
		this.code = code;
		this.args = args;
	}

	public String code() {
		return this.code;
	}

	public Object[] args() {
		return this.args;
	}

}
