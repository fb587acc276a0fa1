package cn.govcloud.catalogue.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.catalogue.PriceCap;
import cn.govcloud.catalogue.PriceImport;
import cn.govcloud.catalogue.PriceList;
import cn.govcloud.catalogue.PriceListForm;
import cn.govcloud.catalogue.PriceLists;
import cn.govcloud.catalogue.TenderPrices;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Tender prices", description = "Tender price lists and the caps in force (Art. 5, 7)")
class PriceListApi {

	static final String READERS = "isAuthenticated() and !hasRole('AUDIT_ADMIN') and !hasRole('SYSTEM_ADMIN')";

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final PriceLists lists;

	private final PriceImport excel;

	private final TenderPrices prices;

	PriceListApi(PriceLists lists, PriceImport excel, TenderPrices prices) {
		this.lists = lists;
		this.excel = excel;
		this.prices = prices;
	}

	@GetMapping("/api/v1/price-lists")
	@PreAuthorize(READERS)
	@Operation(summary = "Every tender price list, newest first, optionally of one supplier")
	List<PriceList> all(@RequestParam(required = false) UUID supplierId) {
		return this.lists.all(supplierId);
	}

	@GetMapping("/api/v1/price-lists/{id}")
	@PreAuthorize(READERS)
	@Operation(summary = "One price list with its lines")
	PriceList get(@PathVariable UUID id) {
		return this.lists.find(id);
	}

	@PostMapping("/api/v1/price-lists")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(CatalogueApi.MANAGER)
	@Operation(summary = "Record a price list with its lines, all or nothing (Commission manager)")
	PriceList create(@RequestBody PriceListForm form) {
		return this.lists.find(this.lists.create(form));
	}

	@PostMapping(path = "/api/v1/price-lists/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(CatalogueApi.MANAGER)
	@Operation(summary = "Import a price list from the Excel template; any bad row and nothing is imported")
	PriceList importList(@RequestParam(required = false) UUID supplierId,
			@RequestParam(required = false) String tenderNumber,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate awardedOn,
			@RequestParam(required = false) String note, @RequestPart("file") MultipartFile file) throws IOException {
		return this.lists.find(this.excel.importList(supplierId, tenderNumber, awardedOn, note, file.getBytes()));
	}

	@GetMapping("/api/v1/price-lists/template.xlsx")
	@PreAuthorize(READERS)
	@Operation(summary = "The Excel template for imports")
	ResponseEntity<byte[]> template() {
		return xlsx("price-list-template.xlsx", this.excel.template());
	}

	@GetMapping("/api/v1/price-lists/{id}/export.xlsx")
	@PreAuthorize(READERS)
	@Operation(summary = "One price list as Excel (text cells escaped against formulas)")
	ResponseEntity<byte[]> export(@PathVariable UUID id) {
		PriceList list = this.lists.find(id);
		return xlsx("price-list-" + list.id().toString().substring(0, 8) + ".xlsx", this.excel.export(list));
	}

	@GetMapping("/api/v1/price-caps")
	@PreAuthorize(READERS)
	@Operation(summary = "The tender unit price in force for a supplier, kind and dimension on a day")
	ResponseEntity<PriceCap> cap(@RequestParam UUID supplierId, @RequestParam String kind,
			@RequestParam String dimension, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		Optional<PriceCap> cap = this.prices.capFor(supplierId, kind, dimension, on);
		return cap.map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
	}

	static ResponseEntity<byte[]> xlsx(String name, byte[] content) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.contentType(XLSX)
			.body(content);
	}

}
