package cn.govcloud.systems;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FileDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/systems")
@Tag(name = "Exemptions", description = "Exemptions from migration to the platform, granted by the Commission (Art. 3)")
class ExemptionApi {

	private final Exemptions exemptions;

	private final ExemptionDocuments documents;

	private final DataScopes scopes;

	ExemptionApi(Exemptions exemptions, ExemptionDocuments documents, DataScopes scopes) {
		this.exemptions = exemptions;
		this.documents = documents;
		this.scopes = scopes;
	}

	@PostMapping(path = "/{id}/exemption-documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.KEEP_REGISTER)
	@Operation(summary = "Upload the next version of the exemption document (PDF, DOCX, XLSX, PNG, JPG; "
			+ "checked by content); then ask with POST /{id}/status {\"status\":\"EXEMPT\", …}")
	ExemptionDocument upload(@PathVariable UUID id, @RequestPart("file") MultipartFile file) throws IOException {
		return this.documents.upload(this.scopes.current(), id, file.getOriginalFilename(), file.getBytes());
	}

	@GetMapping("/{id}/exemption-documents")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "Every version of the system's exemption document, newest first")
	List<ExemptionDocument> documents(@PathVariable UUID id) {
		return this.documents.versions(this.scopes.current(), id);
	}

	@GetMapping("/{id}/exemption-documents/{version}")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "Download one version, under a server-chosen file name")
	ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable int version) {
		return FileDownloads.of(this.documents.download(this.scopes.current(), id, version));
	}

	@GetMapping("/{id}/exemptions")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "The system's requests for an exemption and the Commission's decisions, newest first")
	List<ExemptionRequest> requests(@PathVariable UUID id) {
		return this.exemptions.requests(this.scopes.current(), id);
	}

	@GetMapping("/exemptions/pending")
	@Allowed(Permission.DECIDE_EXEMPTIONS)
	@Operation(summary = "Requests waiting for the Commission, oldest first (at most 500)")
	List<ExemptionRequest> pending() {
		return this.exemptions.pending(this.scopes.current());
	}

	@PostMapping("/{id}/exemptions/{requestId}/grant")
	@Allowed(Permission.DECIDE_EXEMPTIONS)
	@Operation(summary = "Grant a pending request: the system becomes EXEMPT (Commission); 409 if already decided")
	ExemptionRequest grant(@PathVariable UUID id, @PathVariable UUID requestId,
			@Valid @RequestBody(required = false) Decision decision) {
		return this.exemptions.grant(this.scopes.current(), id, requestId,
				(decision != null) ? decision.reason() : null);
	}

	@PostMapping("/{id}/exemptions/{requestId}/refuse")
	@Allowed(Permission.DECIDE_EXEMPTIONS)
	@Operation(summary = "Refuse a pending request with a reason (Commission); 409 if already decided")
	ExemptionRequest refuse(@PathVariable UUID id, @PathVariable UUID requestId,
			@Valid @RequestBody Decision decision) {
		return this.exemptions.refuse(this.scopes.current(), id, requestId, decision.reason());
	}

	/** The Commission's reason: required to refuse, optional to grant. */
	@Schema(name = "ExemptionDecision")
	record Decision(@Size(max = 500) String reason) {
	}

}
