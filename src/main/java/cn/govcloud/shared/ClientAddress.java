package cn.govcloud.shared;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Where the current request comes from, for the audit trail ("from where", C15). */
public final class ClientAddress {

	private ClientAddress() {
	}

	/**
	 * The remote address of the current request, or {@code "-"} outside a request (jobs).
	 */
	public static String current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return "-";
	}

}
