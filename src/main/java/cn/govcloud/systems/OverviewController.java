package cn.govcloud.systems;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Permission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Commission's view of the register and its queue of exemption requests. */
@Controller
class OverviewController {

	private final SystemOverview overview;

	private final Exemptions exemptions;

	private final DataScopes scopes;

	OverviewController(SystemOverview overview, Exemptions exemptions, DataScopes scopes) {
		this.overview = overview;
		this.exemptions = exemptions;
		this.scopes = scopes;
	}

	@GetMapping("/systems/overview")
	@Allowed(Permission.OVERSEE_CITY)
	String overview(Model model) {
		DataScope scope = this.scopes.current();
		model.addAttribute("overview", this.overview.overview(scope));
		model.addAttribute("pendingExemptions", this.exemptions.pending(scope));
		model.addAttribute("listLimit", SystemOverview.LIST_LIMIT);
		return "systems/overview";
	}

}
