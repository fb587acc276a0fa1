package cn.govcloud.systems;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/systems")
@Tag(name = "Application systems")
class StatusApi {

	private final ApplicationSystems systems;

	private final Exemptions exemptions;

	private final DataScopes scopes;

	StatusApi(ApplicationSystems systems, Exemptions exemptions, DataScopes scopes) {
		this.systems = systems;
		this.exemptions = exemptions;
		this.scopes = scopes;
	}

	@PostMapping("/{id}/status")
	@Allowed(Permission.KEEP_REGISTER)
	@Operation(summary = "Change the hosting status (Art. 3); EXEMPT files a request the Commission decides",
			description = """
					PLANNED → ON_PLATFORM | OFFLINE (reason); LEGACY_SELF_HOSTED → MIGRATING (targetDate in the future) \
					| EXEMPT (request: exemptionBasis and an uploaded exemption document) | OFFLINE (reason); \
					MIGRATING → ON_PLATFORM | MIGRATING (new targetDate) | LEGACY_SELF_HOSTED (reason); \
					ON_PLATFORM → OFFLINE (reason); EXEMPT → MIGRATING (targetDate) | LEGACY_SELF_HOSTED (reason); \
					OFFLINE is final. With expectedStatus, a status changed meanwhile is answered 409.""",
			responses = {
					@ApiResponse(responseCode = "200", description = "The status changed",
							content = @Content(schema = @Schema(implementation = ApplicationSystem.class))),
					@ApiResponse(responseCode = "202",
							description = "EXEMPT: the request waits for the Commission; the status is unchanged",
							content = @Content(schema = @Schema(implementation = ExemptionRequest.class))),
					@ApiResponse(responseCode = "400",
							description = "A change that is not allowed from the current status, or lacks what it needs"),
					@ApiResponse(responseCode = "404", description = "No such system in the caller's unit"),
					@ApiResponse(responseCode = "409",
							description = "The status is no longer expectedStatus, or a request is already pending") })
	ResponseEntity<Object> change(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
		DataScope scope = this.scopes.current();
		if (request.status() == HostingStatus.EXEMPT) {
			// Art. 3 exemptions are the Commission's to grant: the unit asks.
			return ResponseEntity.status(HttpStatus.ACCEPTED)
				.body(this.exemptions.request(scope, id, request.expectedStatus(), request.exemptionBasis(),
						request.documentVersion()));
		}
		return ResponseEntity.ok(this.systems.changeStatus(scope, id, request.toChange()));
	}

	@GetMapping("/{id}/transitions")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "The statuses the caller may move the system to now (EXEMPT is asked for, not set)")
	Set<HostingStatus> transitions(@PathVariable UUID id) {
		DataScope scope = this.scopes.current();
		return this.systems.transitions(scope, this.systems.find(scope, id));
	}

	@GetMapping("/{id}/status-history")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "Every change of the system's hosting status, newest first")
	List<HostingChange> history(@PathVariable UUID id) {
		return this.systems.history(this.scopes.current(), id);
	}

	/** The body of a status change; see {@link StatusChange}. */
	record StatusRequest(@NotNull HostingStatus status, HostingStatus expectedStatus, LocalDate targetDate,
			@Size(max = 500) String reason, @Size(max = 2000) String exemptionBasis,
			@Positive Integer documentVersion) {

		StatusChange toChange() {
			return new StatusChange(this.status, this.expectedStatus, this.targetDate, this.reason, this.exemptionBasis,
					this.documentVersion);
		}

	}

}
