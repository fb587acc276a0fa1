package cn.govcloud.metering;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/write}: Prometheus remote write. Plain-text answers, as senders log
 * them; no session, no CSRF (see {@link RemoteWriteSecurity}).
 */
@RestController
@Tag(name = "Metering")
class RemoteWriteController {

	private final RemoteWrite remoteWrite;

	RemoteWriteController(RemoteWrite remoteWrite) {
		this.remoteWrite = remoteWrite;
	}

	@PostMapping("/api/v1/write")
	@Operation(summary = "Prometheus remote write 1.0 and 2.0 (snappy block + protobuf)",
			description = "Authorization: Bearer <ingest token> or basic auth with the token as password. "
					+ "Content-Type application/x-protobuf (1.0) or application/x-protobuf;"
					+ "proto=io.prometheus.write.v2.Request (2.0), Content-Encoding snappy. 204 stored; 400 invalid "
					+ "data (valid series stored, problems listed); 401; 413 too large; 415 unsupported type or "
					+ "encoding; 429 busy (Retry-After); 503 retry.")
	void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
		WriteResult result = this.remoteWrite.receive(request.getHeader(HttpHeaders.AUTHORIZATION),
				request.getContentType(), request.getHeader(HttpHeaders.CONTENT_ENCODING),
				request.getContentLengthLong(), request.getInputStream());
		response.setStatus(result.status());
		if (result.outcome() != null) {
			response.setHeader("X-Prometheus-Remote-Write-Samples-Written",
					Integer.toString(result.outcome().stored()));
			response.setHeader("X-Prometheus-Remote-Write-Histograms-Written", "0");
			response.setHeader("X-Prometheus-Remote-Write-Exemplars-Written", "0");
		}
		if (result.status() == 429) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(result.retryAfterSeconds()));
		}
		if (result.status() == 401) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"govcloud-metering\"");
		}
		if (!result.message().isEmpty()) {
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter().write(result.message());
		}
	}

}
