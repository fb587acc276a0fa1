package cn.govcloud.reporting;

import java.time.YearMonth;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FileDownloads;
import cn.govcloud.shared.web.ListParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The monthly reports (Art. 12) through the API. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reporting", description = "Monthly reports to the units (Art. 12)")
class ReportApi {

	private static final String SORT = ListParameters.SORT
			+ "number, month, unitName, supplierName, status, dueOn, submittedAt.";

	private final Reports reports;

	private final DataScopes scopes;

	private final ReportPdf pdf;

	ReportApi(Reports reports, DataScopes scopes, ReportPdf pdf) {
		this.reports = reports;
		this.scopes = scopes;
		this.pdf = pdf;
	}

	@GetMapping
	@Allowed(Permission.READ_REPORTS)
	@Operation(summary = "Reports in the caller's scope, newest month first unless sorted; size at most 200 (capped)")
	Page<MonthlyReport> list(@RequestParam(required = false) YearMonth month,
			@RequestParam(required = false) ReportStatus status, @RequestParam(required = false) UUID unitId,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.reports.search(this.scopes.current(), new ReportFilter(month, status, unitId), sort, page, size);
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_REPORTS)
	@Operation(summary = "A report version with its figures and every version of the same month")
	ReportView get(@PathVariable UUID id) {
		return this.reports.view(this.scopes.current(), id);
	}

	@GetMapping("/{id}/workbook")
	@Allowed(Permission.READ_REPORTS)
	@Operation(summary = "A report version as an Excel workbook: a cover and one sheet per section")
	ResponseEntity<byte[]> workbook(@PathVariable UUID id) {
		ReportView view = this.reports.view(this.scopes.current(), id);
		return FileDownloads.of(view.report().number() + ".xlsx", FileDownloads.XLSX, ReportWorkbook.write(view));
	}

	@GetMapping("/{id}/pdf")
	@Allowed(Permission.READ_REPORTS)
	@Operation(summary = "A report version as PDF: a cover, the sections with their charts, page numbers")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		ReportView view = this.reports.view(this.scopes.current(), id);
		return FileDownloads.of(view.report().number() + ".pdf", MediaType.APPLICATION_PDF,
				this.pdf.write(view, LocaleContextHolder.getLocale()));
	}

	/** A file to download, named in UTF-8. */
	@PostMapping("/{id}/texts")
	@Allowed(Permission.SUBMIT_REPORTS)
	@Operation(summary = "The supplier's narrative and suggestions, on a draft")
	MonthlyReport write(@PathVariable UUID id, @RequestBody Texts texts) {
		return this.reports.write(this.scopes.current(), id, texts.narrative(), texts.suggestions());
	}

	@PostMapping("/{id}/submit")
	@Allowed(Permission.SUBMIT_REPORTS)
	@Operation(summary = "The supplier submits the draft to the unit (Art. 12)")
	MonthlyReport submit(@PathVariable UUID id) {
		return this.reports.submit(this.scopes.current(), id);
	}

	@PostMapping("/{id}/acknowledge")
	@Allowed(Permission.ACKNOWLEDGE_REPORTS)
	@Operation(summary = "The unit acknowledges a submitted report")
	MonthlyReport acknowledge(@PathVariable UUID id) {
		return this.reports.acknowledge(this.scopes.current(), id);
	}

	/** The supplier's texts; blank clears. */
	record Texts(String narrative, String suggestions) {
	}

}
