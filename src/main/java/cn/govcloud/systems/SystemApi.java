package cn.govcloud.systems;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FileDownloads;
import cn.govcloud.shared.web.ListParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/systems")
@Tag(name = "Application systems", description = "The register of units' application systems (Art. 3, 15)")
class SystemApi {

	private static final String SORT = ListParameters.SORT
			+ "name, unitName, hostingStatus, protectionLevel, securityOfficerName, updatedAt.";

	private final ApplicationSystems systems;

	private final ConstructionPlans plans;

	private final DataScopes scopes;

	private final BackupEvidence evidence;

	SystemApi(ApplicationSystems systems, ConstructionPlans plans, DataScopes scopes, BackupEvidence evidence) {
		this.systems = systems;
		this.plans = plans;
		this.scopes = scopes;
		this.evidence = evidence;
	}

	@GetMapping("/{id}/evidence/{version}")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "Download one version of the evidence of the system's data backup (Art. 9)")
	ResponseEntity<byte[]> evidence(@PathVariable UUID id, @PathVariable int version) {
		return FileDownloads.of(this.evidence.download(this.scopes.current(), id, version));
	}

	@GetMapping
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "Systems in the caller's scope, filtered and paged")
	Page<ApplicationSystem> search(@RequestParam(required = false) UUID unitId,
			@RequestParam(required = false) HostingStatus status, @RequestParam(required = false) String q,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.systems.search(this.scopes.current(), unitId, status, q, sort, page, size);
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "One system; outside the caller's scope it does not exist")
	ApplicationSystem get(@PathVariable UUID id) {
		return this.systems.find(this.scopes.current(), id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.KEEP_REGISTER)
	@Operation(
			summary = "Register a system of the caller's unit (initial status PLANNED, LEGACY_SELF_HOSTED or ON_PLATFORM)")
	ApplicationSystem register(@Valid @RequestBody RegisterRequest request) {
		return this.systems.register(this.scopes.current(), request.toForm(), request.hostingStatus());
	}

	@PutMapping("/{id}")
	@Allowed(Permission.KEEP_REGISTER)
	@Operation(summary = "Edit a system's name, purpose, officer and classified-protection level")
	ApplicationSystem update(@PathVariable UUID id, @Valid @RequestBody SystemForm form) {
		return this.systems.update(this.scopes.current(), id, form);
	}

	@GetMapping("/{id}/plans")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "Every version of the system's construction plan, newest first")
	List<PlanVersion> plans(@PathVariable UUID id) {
		return this.plans.versions(this.scopes.current(), id);
	}

	@PostMapping(path = "/{id}/plans", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.KEEP_REGISTER)
	@Operation(
			summary = "Upload the next version of the construction plan (PDF, DOCX, XLSX, PNG, JPG; checked by content)")
	PlanVersion upload(@PathVariable UUID id, @RequestPart("file") MultipartFile file) throws IOException {
		return this.plans.upload(this.scopes.current(), id, file.getOriginalFilename(), file.getBytes());
	}

	@GetMapping("/{id}/plans/{version}")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "Download one version, under a server-chosen file name")
	ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable int version) {
		return FileDownloads.of(this.plans.download(this.scopes.current(), id, version));
	}

}
