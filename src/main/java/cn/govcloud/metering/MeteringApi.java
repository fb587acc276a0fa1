package cn.govcloud.metering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Metering")
class MeteringApi {

	private final IngestCredentials credentials;

	private final MeteringReports reports;

	private final Utilisation utilisation;

	private final DataScopes scopes;

	MeteringApi(IngestCredentials credentials, MeteringReports reports, Utilisation utilisation, DataScopes scopes) {
		this.credentials = credentials;
		this.reports = reports;
		this.utilisation = utilisation;
		this.scopes = scopes;
	}

	record CredentialRequest(UUID supplierId, String label) {
	}

	@PostMapping("/api/v1/metering/credentials")
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.MANAGE_INGEST)
	@Operation(summary = "Issues a supplier's ingest credential; the token is shown only in this answer")
	IssuedCredential issue(@RequestBody CredentialRequest request) {
		return this.credentials.issue(this.scopes.current(), request.supplierId(), request.label());
	}

	@GetMapping("/api/v1/metering/credentials")
	@Allowed(Permission.READ_INGEST)
	List<IngestCredential> credentials() {
		return this.credentials.list(this.scopes.current());
	}

	@DeleteMapping("/api/v1/metering/credentials/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Allowed(Permission.MANAGE_INGEST)
	@Operation(summary = "Revokes an ingest credential at once")
	void revoke(@PathVariable UUID id) {
		this.credentials.revoke(this.scopes.current(), id);
	}

	@GetMapping("/api/v1/metering/stats")
	@Allowed(Permission.READ_INGEST)
	@Operation(summary = "Durable ingest totals (the Commission: all suppliers or supplierId; a supplier: its own)")
	IngestStats stats(@RequestParam(required = false) UUID supplierId) {
		return this.reports.stats(this.scopes.current(), supplierId);
	}

	@GetMapping("/api/v1/metering/unregistered")
	@Allowed(Permission.READ_INGEST)
	@Operation(summary = "Hosts seen in series that match no inventory instance")
	List<UnregisteredSeries> unregistered(@RequestParam(required = false) UUID supplierId) {
		return this.reports.unregistered(this.scopes.current(), supplierId);
	}

	@GetMapping("/api/v1/metering/instances/{id}/utilisation")
	@Allowed(Permission.READ_UTILISATION)
	@Operation(summary = "One instance's chart: 5-minute points up to 2 days, hourly up to 90 days, daily beyond")
	List<UtilisationPoint> series(@PathVariable UUID id, @RequestParam Metric metric,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
		return this.utilisation.series(this.scopes.current(), id, metric, from, to);
	}

	@GetMapping("/api/v1/metering/utilisation")
	@Allowed(Permission.READ_UTILISATION)
	@Operation(summary = "Avg / p95 (of 5-minute averages) / max per visible instance, metric and dimension")
	List<InstanceUtilisation> summary(@RequestParam(required = false) UUID unitId,
			@RequestParam(required = false) UUID systemId, @RequestParam(required = false) UUID instanceId,
			@RequestParam(required = false) Metric metric,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
		return this.utilisation.summary(this.scopes.current(),
				new UtilisationFilter(unitId, systemId, instanceId, metric), from, to);
	}

}
