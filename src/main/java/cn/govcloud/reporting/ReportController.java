package cn.govcloud.reporting;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FileDownloads;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.shared.web.PostRedirect;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The monthly reports' pages (Art. 12): the list, a report with the steps its reader may
 * take, and the Commission's drafting by hand with its progress.
 */
@Controller
@RequestMapping("/reports")
class ReportController {

	private final Reports reports;

	private final ReportRun run;

	private final DataScopes scopes;

	private final PostRedirect post;

	private final CityReport city;

	private final CityReportPdf cityPdf;

	ReportController(Reports reports, ReportRun run, DataScopes scopes, PostRedirect post, CityReport city,
			CityReportPdf cityPdf) {
		this.reports = reports;
		this.run = run;
		this.scopes = scopes;
		this.post = post;
		this.city = city;
		this.cityPdf = cityPdf;
	}

	/** The city report: every unit's latest report of the month, and their sum. */
	@GetMapping("/city")
	@Allowed(Permission.OVERSEE_CITY)
	String city(@RequestParam(required = false) YearMonth month, Model model) {
		YearMonth shown = (month != null) ? month : YearMonth.from(CityTime.today()).minusMonths(1);
		java.util.List<CityReport.Row> rows = this.city.rows(shown);
		model.addAttribute("month", shown);
		model.addAttribute("rows", rows);
		model.addAttribute("total", CityReport.total(rows));
		return "reporting/city";
	}

	/** The city report as PDF. */
	@GetMapping("/city/pdf")
	@Allowed(Permission.OVERSEE_CITY)
	ResponseEntity<byte[]> cityPdf(@RequestParam(required = false) YearMonth month, Locale locale) {
		YearMonth shown = (month != null) ? month : YearMonth.from(CityTime.today()).minusMonths(1);
		return FileDownloads.of("city-report-" + shown + ".pdf", MediaType.APPLICATION_PDF,
				this.cityPdf.write(shown, this.city.rows(shown), locale));
	}

	@GetMapping
	@Allowed(Permission.READ_REPORTS)
	String list(@RequestParam(required = false) YearMonth month, @RequestParam(required = false) ReportStatus status,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		ReportFilter filter = new ReportFilter(month, status, null);
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", ReportStatus.values());
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("month", (month != null) ? month : "");
		filters.put("status", (status != null) ? status : "");
		PageLinks.list(model, "/reports", filters, this.reports.search(this.scopes.current(), filter, sort, page, 20));
		return (htmx != null) ? "reporting/list :: result" : "reporting/list";
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_REPORTS)
	String show(@PathVariable UUID id, Model model) {
		DataScope scope = this.scopes.current();
		ReportView view = this.reports.view(scope, id);
		MonthlyReport report = view.report();
		model.addAttribute("view", view);
		model.addAttribute("r", report);
		model.addAttribute("c", view.content());
		model.addAttribute("supplierSide", scope.principal().may(Permission.SUBMIT_REPORTS)
				&& scope.principal().organizationId().equals(report.supplierId()));
		model.addAttribute("unitSide", scope.principal().may(Permission.ACKNOWLEDGE_REPORTS)
				&& scope.principal().organizationId().equals(report.unitId()));
		return "reporting/detail";
	}

	@PostMapping("/{id}/texts")
	@Allowed(Permission.SUBMIT_REPORTS)
	String write(@PathVariable UUID id, @RequestParam(required = false) String narrative,
			@RequestParam(required = false) String suggestions, RedirectAttributes redirect) {
		return this.post.after("/reports/" + id, redirect,
				() -> this.reports.write(this.scopes.current(), id, narrative, suggestions));
	}

	@PostMapping("/{id}/submit")
	@Allowed(Permission.SUBMIT_REPORTS)
	String submit(@PathVariable UUID id, RedirectAttributes redirect) {
		return this.post.after("/reports/" + id, redirect, () -> this.reports.submit(this.scopes.current(), id));
	}

	@PostMapping("/{id}/acknowledge")
	@Allowed(Permission.ACKNOWLEDGE_REPORTS)
	String acknowledge(@PathVariable UUID id, RedirectAttributes redirect) {
		return this.post.after("/reports/" + id, redirect, () -> this.reports.acknowledge(this.scopes.current(), id));
	}

	@PostMapping("/{id}/correct")
	@Allowed(Permission.SUBMIT_REPORTS)
	String correct(@PathVariable UUID id, RedirectAttributes redirect) {
		UUID[] next = { id };
		String target = this.post.after("/reports/" + id, redirect,
				() -> next[0] = this.reports.correct(this.scopes.current(), id));
		return target.replace(id.toString(), next[0].toString());
	}

	@GetMapping("/drafting")
	@Allowed(Permission.DRAFT_REPORTS)
	String drafting(@RequestParam(required = false) YearMonth month,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		YearMonth shown = (month != null) ? month : YearMonth.from(CityTime.today()).minusMonths(1);
		model.addAttribute("month", shown);
		model.addAttribute("progress", this.run.progress(shown).orElse(null));
		model.addAttribute("dueOn", this.run.dueOn(shown));
		return (htmx != null) ? "reporting/drafting :: progress" : "reporting/drafting";
	}

	@PostMapping("/drafting")
	@Allowed(Permission.DRAFT_REPORTS)
	String startDrafting(@RequestParam(required = false) YearMonth month, RedirectAttributes redirect) {
		YearMonth chosen = (month != null) ? month : YearMonth.from(CityTime.today()).minusMonths(1);
		return this.post.after("/reports/drafting?month=" + chosen, redirect, () -> this.run.start(chosen));
	}

}
