package cn.govcloud.finance;

import java.util.List;

/**
 * The budget basis of a year (Art. 18): the city's totals and every unit's, by unit name.
 */
public record BudgetYear(int year, UnitBudget city, List<UnitBudget> units) {

	public BudgetYear {
		units = List.copyOf(units);
	}

}
