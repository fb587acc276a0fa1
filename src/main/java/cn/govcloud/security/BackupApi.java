package cn.govcloud.security;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
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
@RequestMapping("/api/v1")
@Tag(name = "Backups", description = "Backup policies, runs and restore tests (Art. 16)")
class BackupApi {

	private static final String POLICY_SORT = ListParameters.SORT
			+ "unitName, systemName, instanceName, frequency, retentionDays.";

	private static final String RUN_SORT = ListParameters.SORT
			+ "startedAt, instanceName, unitName, sizeBytes, result.";

	private final Backups backups;

	private final DataScopes scopes;

	BackupApi(Backups backups, DataScopes scopes) {
		this.backups = backups;
		this.scopes = scopes;
	}

	@GetMapping("/backup-policies")
	@Allowed(Permission.READ_BACKUPS)
	@Operation(summary = "The backup policies in the caller's scope: a unit its own, a supplier those it keeps")
	Page<BackupPolicy> policies(@RequestParam(required = false) UUID unitId,
			@Parameter(description = POLICY_SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.backups.policies(this.scopes.current(), unitId, sort, page, size);
	}

	@PostMapping("/backup-policies")
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.KEEP_BACKUPS)
	@Operation(summary = "Write a backup policy for a system the supplier operates (instanceId null) or one of its "
			+ "instances: what, DAILY/WEEKLY/MONTHLY at HH:mm city time, retention, location, encrypted; "
			+ "409 when the system or instance has one")
	BackupPolicy create(@RequestBody(required = false) BackupPolicyForm form) {
		return this.backups.createPolicy(this.scopes.current(), form);
	}

	@GetMapping("/backups/status")
	@Allowed(Permission.READ_BACKUPS)
	@Operation(summary = "How each policy's backups went in a month (default this month), at most 200 policies: "
			+ "per instance the scheduled periods, MET, FAILED (runs, none successful), MISSED (no run) or "
			+ "PENDING (not over)")
	List<BackupStatus> status(@RequestParam(required = false) UUID unitId,
			@RequestParam(required = false) YearMonth month) {
		return this.backups.status(this.scopes.current(), unitId, BackupController.month(month), null, 0, Page.MAX_SIZE)
			.items();
	}

	@GetMapping("/backup-runs")
	@Allowed(Permission.READ_BACKUPS)
	@Operation(summary = "The backup runs in the caller's scope, newest first unless sorted")
	Page<BackupRun> runs(@RequestParam(required = false) UUID unitId,
			@RequestParam(required = false) BackupResult result,
			@Parameter(description = RUN_SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.backups.runs(this.scopes.current(), unitId, result, sort, page, size);
	}

	@PostMapping("/backup-runs")
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.KEEP_BACKUPS)
	@Operation(summary = "Report one backup run (instance by id or inventory name, under its policy); 409 for a run "
			+ "reported before")
	BackupRun record(@RequestBody(required = false) BackupRunForm form) {
		return this.backups.recordRun(this.scopes.current(), form);
	}

	@PostMapping("/backup-runs/import")
	@Allowed(Permission.KEEP_BACKUPS)
	@Operation(summary = "Import backup runs as CSV (header instance,started_at,finished_at,size_bytes,result); "
			+ "all rows or none, each bad cell named")
	BackupImport importFile(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		if (file == null) {
			throw InvalidInputException.of("file", "error.field.required");
		}
		return this.backups.importRuns(this.scopes.current(), file.getBytes());
	}

	@GetMapping("/restore-tests")
	@Allowed(Permission.READ_BACKUPS)
	@Operation(summary = "The restore tests in the caller's scope, newest first (at most 200)")
	List<RestoreTest> restoreTests(@RequestParam(required = false) UUID unitId) {
		return this.backups.restoreTests(this.scopes.current(), unitId);
	}

	@PostMapping("/restore-tests")
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.KEEP_BACKUPS)
	@Operation(summary = "Record a restore test of a policy's backups and its result; it counts for the quarter's "
			+ "obligation")
	RestoreTest recordRestoreTest(@RequestBody(required = false) RestoreTestForm form) {
		return this.backups.recordRestoreTest(this.scopes.current(), form);
	}

}
