package cn.govcloud.shared.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import cn.govcloud.shared.InputBounds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first look at every request, before sign-in and before any body is read: the query
 * string and form fields must be UTF-8 without control characters (PostgreSQL refuses
 * NUL), a multipart body needs its boundary and a signed-in caller (an upload is never
 * parsed for an anonymous one), and a JSON body has a size limit. A refusal names the
 * field; for pages it is the error page.
 */
class InputGuardFilter extends OncePerRequestFilter {

	static final int MAX_QUERY = 8192;

	private final ProblemWriter problems;

	private final DataSize maxJsonBody;

	InputGuardFilter(ProblemWriter problems, DataSize maxJsonBody) {
		this.problems = problems;
		this.maxJsonBody = maxJsonBody;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Refusal refusal = refusal(request);
		if (refusal == null) {
			chain.doFilter(request, response);
		}
		else if (api(request)) {
			this.problems.write(request, response, refusal.status(), refusal.field(), refusal.code(), refusal.args());
		}
		else {
			response.sendError(refusal.status().value());
		}
	}

	private Refusal refusal(HttpServletRequest request) {
		Refusal query = query(request.getQueryString());
		if (query != null) {
			return query;
		}
		String type = String.valueOf(request.getContentType()).toLowerCase(Locale.ROOT);
		if (type.startsWith("multipart/")) {
			return multipart(request, type);
		}
		if (type.startsWith("application/x-www-form-urlencoded")) {
			return form(request.getParameterMap());
		}
		if (type.contains("json") && request.getContentLengthLong() > this.maxJsonBody.toBytes()
				&& !request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/metering/")) {
			return new Refusal(HttpStatus.CONTENT_TOO_LARGE, "body", "error.body.tooLarge", this.maxJsonBody);
		}
		return null;
	}

	private static Refusal query(String query) {
		if (query == null) {
			return null;
		}
		if (query.length() > MAX_QUERY) {
			return new Refusal(HttpStatus.BAD_REQUEST, "query", "error.query.tooLong");
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals));
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
			String field = (name == null) ? "query" : name;
			if (name == null || value == null) {
				return new Refusal(HttpStatus.BAD_REQUEST, shorten(field), "error.query.encoding");
			}
			if (InputBounds.hasControlCharacter(name) || InputBounds.hasControlCharacter(value)) {
				return new Refusal(HttpStatus.BAD_REQUEST, shorten(name), "error.text.control");
			}
		}
		return null;
	}

	private static Refusal form(Map<String, String[]> fields) {
		for (Map.Entry<String, String[]> field : fields.entrySet()) {
			boolean control = InputBounds.hasControlCharacter(field.getKey());
			for (String value : field.getValue()) {
				control |= InputBounds.hasControlCharacter(value);
			}
			if (control) {
				return new Refusal(HttpStatus.BAD_REQUEST, shorten(field.getKey()), "error.text.control");
			}
		}
		return null;
	}

	private static Refusal multipart(HttpServletRequest request, String type) {
		if (!type.contains("boundary=")) {
			return new Refusal(HttpStatus.BAD_REQUEST, HttpHeaders.CONTENT_TYPE, "error.upload.boundary");
		}
		if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && !signedIn(request.getSession(false))) {
			return new Refusal(HttpStatus.UNAUTHORIZED, null, "error.unauthenticated");
		}
		return null;
	}

	private static boolean signedIn(HttpSession session) {
		if (session == null) {
			return false;
		}
		Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		Authentication who = (context instanceof SecurityContext security) ? security.getAuthentication() : null;
		return who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
	}

	/** Percent-decoding that refuses what is not UTF-8, instead of guessing. */
	private static String decode(String encoded) {
		try {
			java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(encoded.length());
			for (int i = 0; i < encoded.length(); i++) {
				char c = encoded.charAt(i);
				if (c == '%' && i + 2 < encoded.length()) {
					bytes.write(Integer.parseInt(encoded, i + 1, i + 3, 16));
					i += 2;
				}
				else if (c > 0xFF) {
					bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
				}
				else {
					bytes.write((c == '+') ? ' ' : c);
				}
			}
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException | NumberFormatException ex) {
			return null;
		}
	}

	private static String shorten(String field) {
		return (field.length() > 60) ? field.substring(0, 60) + "…" : field;
	}

	private static boolean api(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| request.getRequestURI().startsWith(request.getContextPath() + "/v3/");
	}

	private record Refusal(HttpStatus status, String field, String code, Object... args) {
	}

}
