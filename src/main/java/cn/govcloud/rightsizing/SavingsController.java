package cn.govcloud.rightsizing;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.Permission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The city's rightsizing savings page (Art. 8), for the Commission and the finance
 * bureau: potential and realised savings per unit and month, a chart of the realised
 * ones, and the Excel export.
 */
@Controller
class SavingsController {

	private final SavingsReport report;

	SavingsController(SavingsReport report) {
		this.report = report;
	}

	@GetMapping("/rightsizing/savings")
	@Allowed(Permission.READ_RIGHTSIZING_SAVINGS)
	String savings(Model model) {
		CitySavings savings = this.report.on(CityTime.today());
		model.addAttribute("savings", savings);
		model.addAttribute("chart", SavingsChart.of(savings.months(), savings.realisedByMonth()));
		return "rightsizing/savings";
	}

}
