package cn.govcloud.identity;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Makes the request known to {@link QuietSessions} from before Spring Session's filter,
 * so the session it reads first is the one handed out again within the request. Spring
 * Session reads the session before Spring's own request context is set; the
 * concurrent-session check then read and deserialised it a second time at every request
 * (issue 13, ADR 0052). Registered by {@link SessionStoreConfiguration}.
 */
class SessionReads implements Filter {

	private static final ThreadLocal<HttpServletRequest> CURRENT = new ThreadLocal<>();

	/** The request this thread is serving, if it came through this filter. */
	static HttpServletRequest current() {
		return CURRENT.get();
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest outer = CURRENT.get();
		CURRENT.set((HttpServletRequest) request);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (outer != null) {
				CURRENT.set(outer);
			}
			else {
				CURRENT.remove();
			}
		}
	}

}
