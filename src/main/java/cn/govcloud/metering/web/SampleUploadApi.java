package cn.govcloud.metering.web;

import java.util.List;
import java.util.UUID;

import cn.govcloud.metering.IngestCredentials;
import cn.govcloud.metering.IngestOutcome;
import cn.govcloud.metering.SampleRow;
import cn.govcloud.metering.SampleUpload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

	SampleUploadApi(SampleUpload upload, IngestCredentials credentials) {
		this.upload = upload;
		this.credentials = credentials;
	}

	record Samples(List<SampleRow> samples) {
	}

	@PostMapping(path = "/api/v1/metering/samples", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Uploads samples as JSON; a bad row is named (rows[N].field) and nothing is stored",
			description = "Authorization: Bearer <ingest token>. Body: {\"samples\":[{\"instance\":\"10.0.0.5\","
					+ "\"metric\":\"cpu\",\"mountpoint\":null,\"device\":null,\"timestamp\":\"2026-11-27T10:00:00+08:00\","
					+ "\"value\":0.42}]}. metric: cpu, memory, disk (ratios 0..1; disk with mountpoint), net_in, "
					+ "net_out (bits/s; with device). instance: IP address, name or cloud instance id.")
	ResponseEntity<?> json(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody Samples body) {
		UUID supplier = this.credentials.supplierOf(authorization).orElse(null);
		if (supplier == null) {
			return unauthorized();
		}
		return ResponseEntity.ok(this.upload.upload(supplier, body.samples()));
	}

	@PostMapping(path = "/api/v1/metering/samples.csv",
			consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE })
	@Operation(summary = "Uploads samples as CSV (UTF-8); a bad row is named and nothing is stored",
			description = "Header: " + SampleUpload.CSV_HEADER + " — dimension is the mountpoint (disk) or device "
					+ "(network); rows[0] is the first line after the header.")
	ResponseEntity<?> csv(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody byte[] body) {
		UUID supplier = this.credentials.supplierOf(authorization).orElse(null);
		if (supplier == null) {
			return unauthorized();
		}
		IngestOutcome outcome = this.upload.upload(supplier, this.upload.parseCsv(body));
		return ResponseEntity.ok(outcome);
	}

	private static ResponseEntity<String> unauthorized() {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"govcloud-metering\"")
			.contentType(MediaType.TEXT_PLAIN)
			.body("missing, wrong or revoked ingest credential\n");
	}

}
