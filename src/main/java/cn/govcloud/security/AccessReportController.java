package cn.govcloud.security;

import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FileDownloads;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The monthly access report per unit (Art. 17): the page and its Excel export. A unit's
 * people read their own unit's without choosing it.
 */
@Controller
class AccessReportController {

	private final AccessReports reports;

	private final DataScopes scopes;

	AccessReportController(AccessReports reports, DataScopes scopes) {
		this.reports = reports;
		this.scopes = scopes;
	}

	@GetMapping("/access-report")
	@Allowed(Permission.READ_ACCESS_GRANTS)
	String page(@RequestParam(required = false) UUID unitId, @RequestParam(required = false) YearMonth month,
			Model model) {
		DataScope scope = this.scopes.current();
		YearMonth shown = shown(month);
		UUID unit = unit(scope, unitId);
		Map<UUID, String> units = this.reports.units(scope);
		model.addAttribute("units", units);
		model.addAttribute("unitId", unit);
		model.addAttribute("month", shown);
		model.addAttribute("ownUnit", scope.principal().organizationKind() == OrganizationKind.UNIT);
		if (unit != null) {
			model.addAttribute("report", this.reports.report(scope, unit, shown));
		}
		return "security/access-report";
	}

	@GetMapping("/access-report.xlsx")
	@Allowed(Permission.READ_ACCESS_GRANTS)
	ResponseEntity<byte[]> workbook(@RequestParam(required = false) UUID unitId,
			@RequestParam(required = false) YearMonth month) {
		DataScope scope = this.scopes.current();
		AccessReport report = this.reports.report(scope, required(scope, unitId), shown(month));
		return FileDownloads.of("access-report-" + report.month() + ".xlsx", FileDownloads.XLSX,
				AccessReportWorkbook.write(report));
	}

	/** The month asked for, else last month (the one a monthly report is of). */
	static YearMonth shown(YearMonth month) {
		return BackupController.month((month != null) ? month : YearMonth.from(CityTime.today()).minusMonths(1));
	}

	/** The unit asked for; a unit's people default to their own. */
	private static UUID unit(DataScope scope, UUID unitId) {
		if (unitId == null && scope.principal().organizationKind() == OrganizationKind.UNIT) {
			return scope.principal().organizationId();
		}
		return unitId;
	}

	static UUID required(DataScope scope, UUID unitId) {
		UUID unit = unit(scope, unitId);
		if (unit == null) {
			throw cn.govcloud.shared.InvalidInputException.of("unitId", "error.field.required");
		}
		return unit;
	}

}
