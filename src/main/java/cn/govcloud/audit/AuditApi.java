package cn.govcloud.audit;

import java.io.IOException;
import java.util.List;

import cn.govcloud.shared.web.ListParameters;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit trail", description = "The append-only, SM3-chained audit trail (C15); audit administrator only")
class AuditApi {

	private static final String SORT = ListParameters.SORT
			+ "seq, occurredAt, actor, organization, action, target, outcome, clientAddress.";

	private static final String FROM = "First day, yyyy-MM-dd, in Asia/Shanghai time (inclusive)";

	private static final String TO = "Last day, yyyy-MM-dd, in Asia/Shanghai time (inclusive)";

	private static final String ACTOR = "Username of who acted, exact";

	private static final String ORGANIZATION = "Part of the actor's organisation name";

	private static final String ACTION = "Start of the action, e.g. user. or login";

	private static final String OUTCOME = "SUCCESS, FAILURE or DENIED";

	private final AuditEvents events;

	private final AuditExport export;

	private final AuditVerification verification;

	private final AuditArchive archive;

	AuditApi(AuditEvents events, AuditExport export, AuditVerification verification, AuditArchive archive) {
		this.events = events;
		this.export = export;
		this.verification = verification;
		this.archive = archive;
	}

	@GetMapping("/events")
	@Allowed(Permission.READ_AUDIT_TRAIL)
	@Operation(summary = "Audit records, filtered, newest first, paged")
	Page<AuditRecord> events(@Parameter(description = FROM) @RequestParam(required = false) String from,
			@Parameter(description = TO) @RequestParam(required = false) String to,
			@Parameter(description = ACTOR) @RequestParam(required = false) String actor,
			@Parameter(description = ORGANIZATION) @RequestParam(required = false) String organization,
			@Parameter(description = ACTION) @RequestParam(required = false) String action,
			@Parameter(description = OUTCOME) @RequestParam(required = false) String outcome,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "50") int size) {
		return this.events.search(AuditFilter.parse(from, to, actor, organization, action, outcome), sort, page, size);
	}

	@GetMapping("/verification")
	@Allowed(Permission.READ_AUDIT_TRAIL)
	@Operation(summary = "Verify the whole chain and name the first modified, deleted or reordered record",
			description = "Recorded in the trail as audit.verify.")
	VerificationResult verify() {
		return this.verification.verify();
	}

	@GetMapping("/archives")
	@Allowed(Permission.READ_AUDIT_TRAIL)
	@Operation(summary = "The archives of records past the online retention, newest first",
			description = "Each archive is a month's records in a signed file; the online chain continues from the last.")
	List<ArchiveEntry> archives() {
		return this.archive.list();
	}

	@PostMapping("/archives/{id}/verification")
	@Allowed(Permission.READ_AUDIT_TRAIL)
	@Operation(summary = "Verify one archive file against its signature and the database's checkpoint",
			description = "Recorded in the trail as audit.archive.verify; problem is null when the file is intact.")
	ArchiveCheck verifyArchive(@PathVariable long id) {
		return this.archive.verify(id);
	}

	@GetMapping("/export")
	@Allowed(Permission.READ_AUDIT_TRAIL)
	@Operation(summary = "The filtered records as an Excel workbook, newest first",
			description = "Recorded in the trail as audit.export. Cells that could start a formula are prefixed with '.",
			responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = AuditExport.CONTENT_TYPE)))
	void export(@Parameter(description = FROM) @RequestParam(required = false) String from,
			@Parameter(description = TO) @RequestParam(required = false) String to,
			@Parameter(description = ACTOR) @RequestParam(required = false) String actor,
			@Parameter(description = ORGANIZATION) @RequestParam(required = false) String organization,
			@Parameter(description = ACTION) @RequestParam(required = false) String action,
			@Parameter(description = OUTCOME) @RequestParam(required = false) String outcome,
			HttpServletResponse response) throws IOException {
		XlsxDownload.send(this.export, AuditFilter.parse(from, to, actor, organization, action, outcome), response);
	}

}
