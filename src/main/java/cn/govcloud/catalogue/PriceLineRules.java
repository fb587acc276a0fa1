package cn.govcloud.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import cn.govcloud.catalogue.PriceListForm.Line;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

/**
 * The rules of tender price lines (Art. 5), without a database: each line names a kind of
 * the catalogue and a billed dimension it has (a whole-number spec field, or
 * {@value #INSTANCE}), the billing unit that fits the dimension, a price above zero to
 * the fen, and a period whose end is not before its start; and no two lines of the list
 * price the same item on one day ({@link PriceOverlaps}).
 */
final class PriceLineRules {

	/** The dimension of per-instance prices (a security service, an engine licence). */
	static final String INSTANCE = "instance";

	/** {@code numeric(14,2)}: twelve digits before the point. */
	static final BigDecimal MAX_PRICE = new BigDecimal("999999999999.99");

	/** Lines in one list, JSON or Excel. */
	static final int MAX_LINES = 2000;

	private PriceLineRules() {
	}

	/** Every problem of each line on its own, and of lines of the list that overlap. */
	static List<FieldProblem> check(List<Line> lines, Function<String, Optional<ResourceKind>> kinds,
			FieldNames names) {
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Line line = lines.get(i);
			Optional<ResourceKind> kind = blank(line.kind()) ? Optional.empty() : kinds.apply(line.kind());
			checkLine(line, kind, i, names, problems);
		}
		problems.addAll(PriceOverlaps.within(lines, names));
		return problems;
	}

	static void checkLine(Line line, Optional<ResourceKind> kind, int i, FieldNames names,
			List<FieldProblem> problems) {
		if (blank(line.kind())) {
			problems.add(new FieldProblem(names.field(i, "kind"), "error.field.required"));
		}
		else if (kind.isEmpty()) {
			problems.add(new FieldProblem(names.field(i, "kind"), "catalogue.kind.unknown", line.kind()));
		}
		boolean priceable = kind.isPresent() && dimensions(kind.get()).contains(line.dimension());
		if (blank(line.dimension())) {
			problems.add(new FieldProblem(names.field(i, "dimension"), "error.field.required"));
		}
		else if (kind.isPresent() && !priceable) {
			problems.add(new FieldProblem(names.field(i, "dimension"), "price.dimension.unknown", line.dimension(),
					kind.get().code(), String.join(", ", dimensions(kind.get()))));
		}
		if (line.billingUnit() == null) {
			problems.add(new FieldProblem(names.field(i, "billingUnit"), "error.field.required"));
		}
		else if (priceable && line.billingUnit() != expectedUnit(kind.get(), line.dimension())) {
			problems.add(new FieldProblem(names.field(i, "billingUnit"), "price.billingUnit.mismatch",
					line.billingUnit().name(), line.dimension(), expectedUnit(kind.get(), line.dimension()).name()));
		}
		checkPrice(line.unitPrice(), names.field(i, "unitPrice"), problems);
		if (line.effectiveFrom() == null) {
			problems.add(new FieldProblem(names.field(i, "effectiveFrom"), "error.field.required"));
		}
		else if (line.effectiveTo() != null && line.effectiveTo().isBefore(line.effectiveFrom())) {
			problems.add(new FieldProblem(names.field(i, "effectiveTo"), "price.period.endBeforeStart",
					line.effectiveTo(), line.effectiveFrom()));
		}
	}

	private static void checkPrice(BigDecimal price, String field, List<FieldProblem> problems) {
		if (price == null) {
			problems.add(new FieldProblem(field, "error.field.required"));
		}
		else if (price.signum() <= 0) {
			problems.add(new FieldProblem(field, "price.positive", price.toPlainString()));
		}
		else if (price.stripTrailingZeros().scale() > 2) {
			problems.add(new FieldProblem(field, "price.decimals", price.toPlainString()));
		}
		else if (price.compareTo(MAX_PRICE) > 0) {
			problems.add(new FieldProblem(field, "price.tooLarge", price.toPlainString()));
		}
	}

	/**
	 * What a kind may be priced by: its whole-number spec fields in catalogue order, then
	 * {@value #INSTANCE}.
	 */
	static List<String> dimensions(ResourceKind kind) {
		List<String> dimensions = new ArrayList<>();
		kind.fields()
			.stream()
			.filter((field) -> field.type() == SpecField.Type.INTEGER)
			.forEach((field) -> dimensions.add(field.name()));
		dimensions.add(INSTANCE);
		return dimensions;
	}

	/**
	 * The billing unit that fits a dimension: vCPU, GiB and Mbps fields by their unit,
	 * anything else counted (instances, protected domains, managed assets) per
	 * instance-month.
	 */
	static BillingUnit expectedUnit(ResourceKind kind, String dimension) {
		if ("vcpu".equals(dimension)) {
			return BillingUnit.VCPU_MONTH;
		}
		String unit = kind.fields()
			.stream()
			.filter((field) -> field.name().equals(dimension))
			.map(SpecField::unit)
			.findFirst()
			.orElse("");
		return switch (unit) {
			case "GiB" -> BillingUnit.GIB_MONTH;
			case "Mbps" -> BillingUnit.MBPS_MONTH;
			default -> BillingUnit.INSTANCE_MONTH;
		};
	}

	/** A line's period, when it has a valid one. */
	static Optional<EffectivePeriod> period(Line line) {
		if (line.effectiveFrom() == null || blank(line.kind()) || blank(line.dimension())
				|| (line.effectiveTo() != null && line.effectiveTo().isBefore(line.effectiveFrom()))) {
			return Optional.empty();
		}
		return Optional.of(new EffectivePeriod(line.effectiveFrom(), line.effectiveTo()));
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
