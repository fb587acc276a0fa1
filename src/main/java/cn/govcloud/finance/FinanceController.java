package cn.govcloud.finance;

import java.util.Map;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InputBounds;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.PageLinks;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The finance bureau's budget page (Art. 18): the city's totals, year against year, a
 * chart of the units' fees, and the units' list; read-only.
 */
@Controller
class FinanceController {

	private final Budgets budgets;

	private final DataScopes scopes;

	FinanceController(Budgets budgets, DataScopes scopes) {
		this.budgets = budgets;
		this.scopes = scopes;
	}

	@GetMapping("/finance")
	@Allowed(Permission.READ_BUDGETS)
	String budget(@RequestParam(required = false) Integer year, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		int shown = InputBounds.year(year);
		BudgetYear budget = this.budgets.year(this.scopes.current(), shown);
		model.addAttribute("year", shown);
		model.addAttribute("city", budget.city());
		PageLinks.list(model, "/finance", Map.of("year", shown), BudgetList.page(budget.units(), sort, page, 50));
		return (htmx != null) ? "finance/budget :: result" : "finance/budget";
	}

}
