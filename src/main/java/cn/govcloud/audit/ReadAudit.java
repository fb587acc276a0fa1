package cn.govcloud.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.govcloud.shared.ClientAddress;
import cn.govcloud.shared.CurrentUser;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.OtherReads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads of another organisation's records are audited (PRODUCT C15, issue 19, ADR 0034):
 * when the Commission, the finance bureau or a supplier is shown a unit's records, one
 * record per request says who, what (the address asked for), when and from where, and
 * whose records (their organisations, or how far a list reached). Only successful reads
 * (GET) are recorded: changes have their own records. The record is taken here and
 * chained by {@link ReadAuditWriter}, so the answer does not wait for the chain's lock.
 */
@Configuration(proxyBeanMethods = false)
class ReadAudit implements WebMvcConfigurer, HandlerInterceptor {

	static final String ACTION = "records.read";

	private static final int MAX_OWNERS = 20;

	private final ReadAuditWriter writer;

	ReadAudit(ReadAuditWriter writer) {
		this.writer = writer;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (ex != null || response.getStatus() >= 400
				|| !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
			return;
		}
		Optional<OtherReads> reads = OtherReads.ofCurrentRequest();
		Optional<GovCloudPrincipal> reader = CurrentUser.find();
		if (reads.isEmpty() || reader.isEmpty()) {
			return;
		}
		this.writer.add(new ChainAppend.Entry(Instant.now(), reader.get().username(), reader.get().organizationName(),
				ACTION, target(request), AuditOutcome.SUCCESS, ClientAddress.current(), detail(reads.get())));
	}

	private static String target(HttpServletRequest request) {
		String query = request.getQueryString();
		return request.getRequestURI() + ((query != null) ? "?" + query : "");
	}

	private static String detail(OtherReads reads) {
		StringBuilder detail = new StringBuilder();
		if (!reads.organizations().isEmpty()) {
			detail.append("organizations=")
				.append(reads.organizations()
					.stream()
					.limit(MAX_OWNERS)
					.map(Object::toString)
					.collect(Collectors.joining(",")));
			if (reads.organizations().size() > MAX_OWNERS) {
				detail.append(",…(").append(reads.organizations().size()).append(')');
			}
		}
		if (!reads.reaches().isEmpty()) {
			detail.append(detail.isEmpty() ? "" : "; ").append("lists=").append(String.join(",", reads.reaches()));
		}
		return detail.toString();
	}

}
