package cn.govcloud.contract;

import java.math.BigDecimal;
import java.util.List;

import cn.govcloud.shared.InvalidInputException.FieldProblem;

/**
 * A draft contract checked and priced without saving anything: the lines as they would
 * be, every problem (a price above the cap, a quantity above the approval, …) and the
 * totals of the valid lines — for the drafting page's live check.
 */
record Quote(List<ContractLine> lines, List<FieldProblem> problems, BigDecimal monthly, BigDecimal term) {

	public Quote {
		lines = List.copyOf(lines);
		problems = List.copyOf(problems);
	}

}
