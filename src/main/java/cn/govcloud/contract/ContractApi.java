package cn.govcloud.contract;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FileDownloads;
import cn.govcloud.shared.web.ListParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
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
@RequestMapping("/api/v1/contracts")
@Tag(name = "Contracts",
		description = "Service contracts capped at tender prices, filing, amendments, payments (Art. 7)")
class ContractApi {

	private static final String SORT = ListParameters.SORT
			+ "number, contractCode, unitName, supplierName, systemName, status, termStart, termEnd, submittedAt.";

	private final Contracts contracts;

	private final ContractReader reader;

	private final ContractActions actions;

	private final DataScopes scopes;

	ContractApi(Contracts contracts, ContractReader reader, ContractActions actions, DataScopes scopes) {
		this.contracts = contracts;
		this.reader = reader;
		this.actions = actions;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_CONTRACTS_AND_INVENTORY)
	@Operation(summary = "Contracts the caller is party to (the Commission: all); status=SUBMITTED is the filing queue")
	Page<ContractSummary> search(@RequestParam(required = false) ContractStatus status,
			@RequestParam(required = false) String q,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.reader.search(this.scopes.current(), status, q, sort, page, size);
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_CONTRACTS_AND_INVENTORY)
	@Operation(summary = "One contract with its versions, payments and totals")
	Contract get(@PathVariable UUID id) {
		return this.reader.find(this.scopes.current(), id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.CONTRACT)
	@Operation(
			summary = "Draft a contract from an approved application; empty lines are prefilled at the tender prices")
	Contract draft(@RequestBody ContractDraft draft) {
		DataScope scope = this.scopes.current();
		return this.reader.find(scope, this.contracts.draft(scope, draft));
	}

	@PutMapping("/{id}")
	@Allowed(Permission.CONTRACT)
	@Operation(summary = "Revise terms and lines before filing (a signed contract goes back to draft)")
	Contract revise(@PathVariable UUID id, @RequestBody ContractDraft draft) {
		DataScope scope = this.scopes.current();
		return this.reader.find(scope, this.contracts.revise(scope, id, draft));
	}

	@PostMapping(path = "/{id}/sign", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Allowed(Permission.CONTRACT)
	@Operation(summary = "Record the signing date and the signed PDF")
	Contract sign(@PathVariable UUID id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
			@RequestPart("file") MultipartFile file) throws IOException {
		DataScope scope = this.scopes.current();
		return this.reader.find(scope,
				this.contracts.sign(scope, id, signedOn, file.getOriginalFilename(), file.getBytes()));
	}

	@PostMapping("/{id}/submit")
	@Allowed(Permission.CONTRACT)
	@Operation(summary = "Submit a signed contract for filing with the Commission")
	Contract submit(@PathVariable UUID id) {
		DataScope scope = this.scopes.current();
		return this.reader.find(scope, this.contracts.submit(scope, id));
	}

	@PostMapping("/{id}/file")
	@Allowed(Permission.FILE_CONTRACTS)
	@Operation(summary = "File the contract (Commission reviewer); one decision wins")
	Contract file(@PathVariable UUID id) {
		return this.actions.file(id);
	}

	@PostMapping("/{id}/return")
	@Allowed(Permission.FILE_CONTRACTS)
	@Operation(summary = "Return the contract to the unit with a reason (Commission reviewer)")
	Contract returnToUnit(@PathVariable UUID id, @RequestBody ReasonRequest request) {
		return this.actions.returnToUnit(id, request.reason());
	}

	@PostMapping("/{id}/amendments")
	@Allowed(Permission.CONTRACT)
	@Operation(summary = "Amend quantities from an effective date; every version is kept")
	Contract amend(@PathVariable UUID id, @RequestBody AmendmentForm form) {
		return this.actions.amend(id, form);
	}

	@PostMapping("/{id}/payments")
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.CONTRACT)
	@Operation(summary = "Record a payment; above the outstanding amount only with confirmOverpayment")
	Contract pay(@PathVariable UUID id, @RequestBody PaymentForm form) {
		return this.actions.pay(id, form);
	}

	@GetMapping("/{id}/signed.pdf")
	@Allowed(Permission.READ_CONTRACTS_AND_INVENTORY)
	@Operation(summary = "The signed contract")
	ResponseEntity<byte[]> signedPdf(@PathVariable UUID id) {
		Contract contract = this.reader.find(this.scopes.current(), id);
		return FileDownloads.of("contract-" + contract.number() + ".pdf", MediaType.APPLICATION_PDF,
				this.reader.signedPdf(this.scopes.current(), id));
	}

	record ReasonRequest(String reason) {
	}

}
