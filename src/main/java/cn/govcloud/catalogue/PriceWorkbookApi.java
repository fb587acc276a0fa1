package cn.govcloud.catalogue;

import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FileDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The import template and the exports of price lists, as xlsx workbooks. */
@RestController
@RequestMapping("/api/v1/price-lists")
@Tag(name = "Tender prices")
class PriceWorkbookApi {

	private static final String ESCAPED = "Text cells that could start a formula (=, +, -, @) are prefixed with ', "
			+ "prices are numeric cells with two decimals.";

	private final PriceLists lists;

	private final PriceImport excel;

	PriceWorkbookApi(PriceLists lists, PriceImport excel) {
		this.lists = lists;
		this.excel = excel;
	}

	@GetMapping("/template.xlsx")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "The Excel template for imports, with a help sheet of kinds and dimensions",
			responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = PriceImport.XLSX)))
	ResponseEntity<byte[]> template() {
		return xlsx("price-list-template.xlsx", this.excel.template());
	}

	@GetMapping("/{id}/export.xlsx")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "One price list as Excel", description = ESCAPED,
			responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = PriceImport.XLSX)))
	ResponseEntity<byte[]> export(@PathVariable UUID id) {
		PriceList list = this.lists.find(id);
		return xlsx("price-list-" + list.awardedOn() + ".xlsx",
				this.excel.export(list, LocaleContextHolder.getLocale()));
	}

	@GetMapping("/export.xlsx")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "Every price list of a supplier as Excel, oldest award first", description = ESCAPED,
			responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = PriceImport.XLSX)))
	ResponseEntity<byte[]> exportSupplier(@RequestParam UUID supplierId) {
		return xlsx("price-lists.xlsx", this.excel.export(supplierId, LocaleContextHolder.getLocale()));
	}

	private static ResponseEntity<byte[]> xlsx(String name, byte[] content) {
		return FileDownloads.of(name, FileDownloads.XLSX, content);
	}

}
