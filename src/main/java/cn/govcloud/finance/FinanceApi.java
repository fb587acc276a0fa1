package cn.govcloud.finance;

import java.util.Comparator;
import java.util.List;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InputBounds;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FileDownloads;
import cn.govcloud.shared.web.ListParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/finance")
@Tag(name = "Finance", description = "The budget basis per unit and year: aggregates and contract totals (Art. 18)")
class FinanceApi {

	private static final String SORT = ListParameters.SORT
			+ "unitName, fees, paid, outstanding, committedNextYear, feesChange, cpuAvg, memoryAvg, feesPerUsedVcpu, "
			+ "provisionedVcpus.";

	private final Budgets budgets;

	private final DataScopes scopes;

	FinanceApi(Budgets budgets, DataScopes scopes) {
		this.budgets = budgets;
		this.scopes = scopes;
	}

	@GetMapping("/budget")
	@Allowed(Permission.READ_BUDGETS)
	@Operation(summary = "The year's budget basis: the city's totals and every unit's (default: this year)")
	BudgetYear budget(@RequestParam(required = false) Integer year) {
		return this.budgets.year(this.scopes.current(), InputBounds.year(year));
	}

	@GetMapping("/units")
	@Allowed(Permission.READ_BUDGETS)
	@Operation(summary = "The units' budget basis of a year as a list; size at most 200 (capped)")
	Page<UnitBudget> units(@RequestParam(required = false) Integer year,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return BudgetList.page(budget(year).units(), sort, page, size);
	}

	@GetMapping("/chart")
	@Allowed(Permission.READ_BUDGETS)
	@Operation(summary = "The units with fees in the year or the year before, highest fees first (the chart's data)")
	List<UnitBudget> chart(@RequestParam(required = false) Integer year) {
		return budget(year).units()
			.stream()
			.filter((unit) -> unit.fees().signum() != 0 || unit.previousFees().signum() != 0)
			.sorted(Comparator.comparing(UnitBudget::fees).reversed())
			.toList();
	}

	@GetMapping("/budget.xlsx")
	@Allowed(Permission.READ_BUDGETS)
	@Operation(summary = "The year's budget basis as an Excel workbook: a summary sheet and one sheet per unit")
	ResponseEntity<byte[]> workbook(@RequestParam(required = false) Integer year) {
		BudgetYear budget = budget(year);
		return FileDownloads.of("budget-" + budget.year() + ".xlsx", FileDownloads.XLSX,
				BudgetWorkbook.write(budget, "全市 city"));
	}

}
