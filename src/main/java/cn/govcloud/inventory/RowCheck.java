package cn.govcloud.inventory;

import java.util.Arrays;
import java.util.List;

import cn.govcloud.shared.InvalidInputException.FieldProblem;

/**
 * The rules of one row of a supplier's list: name, IP address(es), instance id and kind
 * are required; vCPUs, memory and disk are whole numbers above zero; no cell is a
 * formula. Each broken rule becomes a problem naming the cell.
 */
final class RowCheck {

	private final int row;

	private final List<String> cells;

	private final List<FieldProblem> problems;

	private final int before;

	RowCheck(int row, List<String> cells, List<FieldProblem> problems) {
		this.row = row;
		this.cells = cells;
		this.problems = problems;
		this.before = problems.size();
	}

	/** The instance of the row, or {@code null} when a cell breaks a rule. */
	ListedInstance instance() {
		String name = text(0, 100, true);
		String ip = text(1, 400, true);
		List<String> addresses = (ip != null) ? addresses(ip) : List.of();
		String cloudId = text(2, 100, true);
		String kind = text(3, 40, true);
		int vcpu = number(4);
		int memory = number(5);
		int disk = number(6);
		String zone = text(7, 60, false);
		if (this.problems.size() > this.before) {
			return null;
		}
		return new ListedInstance(this.row, name, addresses, cloudId, kind, vcpu, memory, disk,
				(zone != null) ? zone : "");
	}

	private String text(int column, int max, boolean required) {
		String value = (column < this.cells.size()) ? this.cells.get(column).strip() : "";
		if (value.startsWith("=")) {
			problem(column, "reconciliation.row.formula", value);
			return null;
		}
		if (value.isEmpty()) {
			if (required) {
				problem(column, "reconciliation.row.required", SupplierListFile.COLUMNS.get(column));
			}
			return null;
		}
		if (value.length() > max) {
			problem(column, "reconciliation.row.tooLong", max);
			return null;
		}
		return value;
	}

	private List<String> addresses(String ip) {
		List<String> addresses = Arrays.stream(ip.split("[;\\s]+")).filter((a) -> !a.isEmpty()).toList();
		for (String address : addresses) {
			if (!InstanceCheck.isIp(address)) {
				problem(1, "reconciliation.row.ip", address);
			}
		}
		return addresses;
	}

	private int number(int column) {
		String value = text(column, 10, true);
		if (value == null) {
			return 0;
		}
		try {
			int number = Integer.parseInt(value);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problem(column, "reconciliation.row.number", value);
		return 0;
	}

	private void problem(int column, String code, Object argument) {
		this.problems.add(new FieldProblem(SupplierListFile.cell(this.row, column), code, argument));
	}

}
