package cn.govcloud.dashboard;

import cn.govcloud.shared.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

	private final Dashboard dashboard;

	DashboardController(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("figures", this.dashboard.figuresFor(CurrentUser.get()));
		return "dashboard/home";
	}

}
