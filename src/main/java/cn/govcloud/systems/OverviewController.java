package cn.govcloud.systems;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.systems.RegisterOverview.UnitTally;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Commission's view of the register and its queue of exemption requests. */
@Controller
class OverviewController {

	/**
	 * Units per page of the per-unit table (issue 13: a city's 1,000 units were a page of
	 * 1.2 MB); the totals row counts them all.
	 */
	static final int UNITS_PER_PAGE = 100;

	/**
	 * Systems in each list of the page (the API lists {@link SystemOverview#LIST_LIMIT}):
	 * at tier L 500 systems without officer or level were half of a 300 KB page, rendered
	 * at every visit (issue 13); the hint says how many there are.
	 */
	static final int LIST_ROWS = 100;

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
	String overview(@RequestParam(defaultValue = "0") int page, HttpServletRequest http, Model model) {
		DataScope scope = this.scopes.current();
		RegisterOverview overview = this.overview.overview(scope, LIST_ROWS);
		Page.Request request = Page.request(page, UNITS_PER_PAGE);
		List<UnitTally> units = overview.units();
		model.addAttribute("overview", overview);
		List<UnitTally> shown = units.subList(Math.min(request.offset(), units.size()),
				Math.min(request.offset() + request.size(), units.size()));
		model.addAttribute("result", new Page<>(shown, request.page(), request.size(), units.size()));
		model.addAttribute("unitRows", UnitTallyRows.html(shown, http.getContextPath()));
		model.addAttribute("pagerBase", "/systems/overview?");
		model.addAttribute("pendingExemptions", this.exemptions.pending(scope));
		model.addAttribute("listLimit", LIST_ROWS);
		return "systems/overview";
	}

}
