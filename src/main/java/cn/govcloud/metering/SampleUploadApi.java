package cn.govcloud.metering;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON and CSV uploads of samples, with the same ingest credential as remote write (see
 * {@link RemoteWriteSecurity}).
 */
@RestController
@Tag(name = "Metering")
class SampleUploadApi {

	private final SampleUpload upload;

	private final IngestCredentials credentials;

	private final MeteringSettings settings;

	private final JsonMapper json;

	SampleUploadApi(SampleUpload upload, IngestCredentials credentials, MeteringSettings settings, JsonMapper json) {
		this.upload = upload;
		this.credentials = credentials;
		this.settings = settings;
		this.json = json;
	}

	record Samples(List<SampleRow> samples) {
	}

	@PostMapping(path = "/api/v1/metering/samples", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Uploads samples as JSON; a bad row is named (rows[N].field) and nothing is stored",
			description = "Authorization: Bearer <ingest token>. Body: {\"samples\":[{\"instance\":\"10.0.0.5\","
					+ "\"metric\":\"cpu\",\"mountpoint\":null,\"device\":null,\"timestamp\":\"2026-11-27T10:00:00+08:00\","
					+ "\"value\":0.42}]}. metric: cpu, memory, disk (ratios 0..1; disk with mountpoint), net_in, "
					+ "net_out (bits/s; with device). instance: IP address, name or cloud instance id.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Samples.class)))
	ResponseEntity<?> json(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) throws IOException {
		UUID supplier = this.credentials.supplierOf(authorization).orElse(null);
		if (supplier == null) {
			return unauthorized();
		}
		byte[] body = read(request);
		if (body == null) {
			return tooLarge();
		}
		Samples samples;
		try {
			samples = this.json.readValue(body, Samples.class);
		}
		catch (JacksonException ex) {
			throw new HttpMessageNotReadableException("unreadable samples", ex, new ServletServerHttpRequest(request));
		}
		List<SampleRow> rows = (samples != null && samples.samples() != null) ? samples.samples() : List.of();
		return ResponseEntity.ok(this.upload.upload(supplier, rows));
	}

	@PostMapping(path = "/api/v1/metering/samples.csv",
			consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@Operation(summary = "Uploads samples as CSV (UTF-8); a bad row is named and nothing is stored",
			description = "Header: " + SampleUpload.CSV_HEADER + " — dimension is the mountpoint (disk) or device "
					+ "(network); rows[0] is the first line after the header.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	ResponseEntity<?> csv(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			HttpServletRequest request) throws IOException {
		UUID supplier = this.credentials.supplierOf(authorization).orElse(null);
		if (supplier == null) {
			return unauthorized();
		}
		byte[] body = read(request);
		if (body == null) {
			return tooLarge();
		}
		IngestOutcome outcome = this.upload.upload(supplier, this.upload.parseCsv(body));
		return ResponseEntity.ok(outcome);
	}

	/**
	 * The body, read only after the credential is checked and only up to the remote-write
	 * limit; {@code null} when it is larger.
	 */
	private byte[] read(HttpServletRequest request) throws IOException {
		long limit = this.settings.maxBody().toBytes();
		if (request.getContentLengthLong() > limit) {
			return null;
		}
		byte[] body = request.getInputStream().readNBytes((int) limit + 1);
		return (body.length > limit) ? null : body;
	}

	private ResponseEntity<String> tooLarge() {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.contentType(MediaType.TEXT_PLAIN)
			.body("request body larger than " + this.settings.maxBody() + "\n");
	}

	private static ResponseEntity<String> unauthorized() {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"govcloud-metering\"")
			.contentType(MediaType.TEXT_PLAIN)
			.body("missing, wrong or revoked ingest credential\n");
	}

}
