package cn.govcloud.reporting;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FileDownloads;
import cn.govcloud.shared.web.ListParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The supplier's obligation calendar (Art. 11, 12, 14, 16) through the API. */
@RestController
@RequestMapping("/api/v1/obligations")
@Tag(name = "Obligations", description = "The supplier's periodic obligations (Art. 11, 12, 14, 16)")
class ObligationApi {

	private static final String SORT = ListParameters.SORT
			+ "kind, supplierName, unitName, periodStart, dueOn, status, submittedAt.";

	private final Obligations obligations;

	private final ObligationStore store;

	private final DataScopes scopes;

	ObligationApi(Obligations obligations, ObligationStore store, DataScopes scopes) {
		this.obligations = obligations;
		this.store = store;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_OBLIGATIONS)
	@Operation(summary = "Obligations in the caller's scope, latest due first unless sorted; size at most 200 (capped)")
	Page<Obligation> list(@RequestParam(required = false) ObligationKind kind,
			@RequestParam(required = false) ObligationStatus status, @RequestParam(required = false) YearMonth month,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.obligations.search(this.scopes.current(), new ObligationFilter(kind, status, month), sort, page,
				size);
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_OBLIGATIONS)
	@Operation(summary = "An obligation with its lateness in working days")
	Obligation get(@PathVariable UUID id) {
		return this.obligations.find(this.scopes.current(), id);
	}

	@GetMapping("/{id}/document")
	@Allowed(Permission.READ_OBLIGATIONS)
	@Operation(summary = "The document the supplier submitted")
	ResponseEntity<byte[]> document(@PathVariable UUID id) {
		Obligation obligation = this.obligations.find(this.scopes.current(), id);
		byte[] content = this.store.document(id).orElseThrow(() -> new NotFoundException("document", id));
		return FileDownloads.of(obligation.documentName(), MediaType.APPLICATION_OCTET_STREAM, content);
	}

	@PostMapping(path = "/{id}/submission", consumes = "multipart/form-data")
	@Allowed(Permission.SUBMIT_OBLIGATIONS)
	@Operation(summary = "The supplier submits a document and a note")
	Obligation submit(@PathVariable UUID id, @RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String note) throws IOException {
		return this.obligations.submit(this.scopes.current(), id, note,
				(file != null) ? file.getOriginalFilename() : null, (file != null) ? file.getBytes() : null);
	}

	@PostMapping("/{id}/accept")
	@Allowed(Permission.DECIDE_OBLIGATIONS)
	@Operation(summary = "The Commission accepts the submission")
	Obligation accept(@PathVariable UUID id) {
		return this.obligations.accept(this.scopes.current(), id);
	}

	@PostMapping("/{id}/return")
	@Allowed(Permission.DECIDE_OBLIGATIONS)
	@Operation(summary = "The Commission returns the submission with a reason")
	Obligation giveBack(@PathVariable UUID id, @RequestBody Reason reason) {
		return this.obligations.giveBack(this.scopes.current(), id, reason.reason());
	}

	@GetMapping("/on-time")
	@Allowed(Permission.READ_OBLIGATIONS)
	@Operation(summary = "A supplier's share of obligations submitted on time, per kind, in a year")
	List<Obligations.OnTimeShare> onTime(@RequestParam UUID supplierId, @RequestParam int year) {
		DataScope scope = this.scopes.current();
		if (!scope.seesAll() && !scope.supplierParty().map(supplierId::equals).orElse(false)) {
			throw new NotFoundException("supplier", supplierId);
		}
		return this.obligations.onTime(supplierId, year);
	}

	/** Why the Commission returns a submission. */
	record Reason(String reason) {
	}

}
