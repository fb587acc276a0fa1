package cn.govcloud.catalogue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import cn.govcloud.shared.web.ListParameters;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/price-lists")
@Tag(name = "Tender prices",
		description = "Tender price lists (Art. 5): read by everyone working with contracts, recorded by the Commission manager")
class PriceListApi {

	private static final String SORT = ListParameters.SORT
			+ "tenderNumber, supplierName, awardedOn, lines, note, superseded.";

	private static final String ALL_OR_NOTHING = "All or nothing: any problem and nothing is saved. A 400 answer lists "
			+ "every problem under errors, each with its field (lines[3].unitPrice, or the cell rows[12].D of an "
			+ "import with its row and column apart) and message.";

	private final PriceLists lists;

	private final PriceImport excel;

	private final PriceProblems problems;

	PriceListApi(PriceLists lists, PriceImport excel, PriceProblems problems) {
		this.lists = lists;
		this.excel = excel;
		this.problems = problems;
	}

	@GetMapping
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "Price lists, newest award first, filtered and paged")
	Page<PriceListSummary> search(@RequestParam(required = false) UUID supplierId,
			@Parameter(description = "Lists with a price for this kind, e.g. CLOUD_HOST") @RequestParam(
					required = false) String kind,
			@Parameter(description = "Lists with a price in force on this day (yyyy-MM-dd)") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inForceOn,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.lists.search(new PriceListFilter(supplierId, kind, inForceOn), sort, page, size);
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "One price list with its lines")
	PriceList get(@PathVariable UUID id) {
		return this.lists.find(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.KEEP_CATALOGUE)
	@Operation(summary = "Record a price list with its lines (Commission manager)",
			description = ALL_OR_NOTHING + " With supersedes, the earlier list's prices end the day before this "
					+ "list's prices for the same items start.")
	PriceList create(@RequestBody PriceListForm form) {
		return this.lists.find(this.lists.create(form));
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.KEEP_CATALOGUE)
	@Operation(summary = "Import a price list from the Excel template (Commission manager)",
			description = ALL_OR_NOTHING + " The file: an xlsx workbook of at most 5 MB.")
	PriceList importList(@RequestParam(required = false) UUID supplierId,
			@RequestParam(required = false) String tenderNumber,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate awardedOn,
			@RequestParam(required = false) String note, @RequestParam(required = false) UUID supersedes,
			@RequestPart("file") MultipartFile file) throws IOException {
		return this.lists
			.find(this.excel.importList(supplierId, tenderNumber, awardedOn, note, supersedes, file.getBytes()));
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException ex) {
		return this.problems.problemDetail(ex);
	}

}
