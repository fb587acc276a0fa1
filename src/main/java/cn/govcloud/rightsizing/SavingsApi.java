package cn.govcloud.rightsizing;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FileDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rightsizing")
@Tag(name = "Rightsizing", description = "Recommendations from measured utilisation and their evidence (Art. 8)")
class SavingsApi {

	private final SavingsReport report;

	SavingsApi(SavingsReport report) {
		this.report = report;
	}

	@GetMapping("/savings")
	@Allowed(Permission.READ_RIGHTSIZING_SAVINGS)
	@Operation(summary = "The city's potential (open recommendations) and realised (carried-out release orders) "
			+ "savings per unit and for each of the last 12 months")
	CitySavings savings() {
		return this.report.on(CityTime.today());
	}

	@GetMapping("/savings.xlsx")
	@Allowed(Permission.READ_RIGHTSIZING_SAVINGS)
	@Operation(summary = "The city's rightsizing savings as an Excel workbook: per unit, and per month")
	ResponseEntity<byte[]> workbook() {
		CitySavings savings = this.report.on(CityTime.today());
		return FileDownloads.of("rightsizing-savings-" + CityTime.today() + ".xlsx", FileDownloads.XLSX,
				SavingsWorkbook.write(savings));
	}

}
