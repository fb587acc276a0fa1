package cn.govcloud.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A record that does not exist, or is outside the caller's scope: the two read the same.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	private final String what;

	private final transient Object id;

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
		this.what = what;
		this.id = id;
	}

	public String what() {
		return this.what;
	}

	public Object id() {
		return this.id;
	}

}
