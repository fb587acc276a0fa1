package cn.govcloud.security;

import java.io.IOException;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.ListParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/access-events")
@Tag(name = "Access grants", description = "Access to a unit's instances only with its authorisation (Art. 17)")
class AccessEventApi {

	private static final String SORT = ListParameters.SORT + "startedAt, person, instanceName, unitName, violation.";

	private final AccessEvents events;

	private final DataScopes scopes;

	AccessEventApi(AccessEvents events, DataScopes scopes) {
		this.events = events;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_ACCESS_GRANTS)
	@Operation(summary = "The bastion host's sessions in the caller's scope, newest first unless sorted; "
			+ "violation=true lists those no grant covered")
	Page<AccessEventRow> list(@RequestParam(required = false) Boolean violation,
			@RequestParam(required = false) UUID unitId, @RequestParam(required = false) UUID grantId,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.events.search(this.scopes.current(), violation, unitId, grantId, sort, page, size);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.REPORT_ACCESS_EVENTS)
	@Operation(summary = "Report one session of the bastion host (instance by id or inventory name); checked against "
			+ "the grants at once, a violation told to the unit and the Commission; 409 for a session reported before")
	AccessEvent record(@RequestBody AccessEventForm form) {
		return this.events.record(this.scopes.current(), form);
	}

	@PostMapping("/import")
	@Allowed(Permission.REPORT_ACCESS_EVENTS)
	@Operation(summary = "Import the bastion host's sessions as CSV (header "
			+ "person,instance,started_at,ended_at,source_address,session_id); all rows or none")
	EventImport importFile(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		if (file == null) {
			throw InvalidInputException.of("file", "error.field.required");
		}
		return this.events.importFile(this.scopes.current(), file.getBytes());
	}

}
