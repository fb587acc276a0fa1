package cn.govcloud.security;

import java.time.YearMonth;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Access grants", description = "Access to a unit's instances only with its authorisation (Art. 17)")
class AccessReportApi {

	private final AccessReports reports;

	private final DataScopes scopes;

	AccessReportApi(AccessReports reports, DataScopes scopes) {
		this.reports = reports;
		this.scopes = scopes;
	}

	@GetMapping("/api/v1/access-report")
	@Allowed(Permission.READ_ACCESS_GRANTS)
	@Operation(summary = "A unit's monthly access report (Art. 17; default last month; a unit's people their own "
			+ "unit without unitId); a supplier's holds only its own grants and sessions")
	AccessReport report(@RequestParam(required = false) UUID unitId, @RequestParam(required = false) YearMonth month) {
		DataScope scope = this.scopes.current();
		return this.reports.report(scope, AccessReportController.required(scope, unitId),
				AccessReportController.shown(month));
	}

}
