package cn.govcloud.catalogue;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.catalogue.PriceListForm.Line;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules of a tender price line (Art. 5): an offered or retired kind of the catalogue,
 * a billed dimension it has (a whole-number spec field, or {@code instance}), a billing
 * unit, a price above zero with at most two decimals, a period whose end is not before
 * its start — and never two prices for the same supplier, kind and dimension on one day,
 * within the list or against the lists already recorded.
 */
@Component
class PriceLineCheck {

	static final String INSTANCE = "instance";

	private final ResourceKinds kinds;

	private final JdbcClient jdbc;

	PriceLineCheck(ResourceKinds kinds, JdbcClient jdbc) {
		this.kinds = kinds;
		this.jdbc = jdbc;
	}

	/** Every problem of the lines, each named by {@code field(i, column)}. */
	List<FieldProblem> check(UUID supplierId, List<Line> lines, FieldNames names) {
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			checkLine(lines.get(i), i, names, problems);
		}
		for (int i = 0; i < lines.size(); i++) {
			for (int j = 0; j < i; j++) {
				if (sameItem(lines.get(i), lines.get(j)) && overlap(lines.get(i), lines.get(j))) {
					problems.add(new FieldProblem(names.field(i, "effectiveFrom"), "price.overlap.inList", j + 1));
				}
			}
			int line = i;
			existingOverlap(supplierId, lines.get(i)).ifPresent((tender) -> problems
				.add(new FieldProblem(names.field(line, "effectiveFrom"), "price.overlap.existing", tender)));
		}
		return problems;
	}

	private void checkLine(Line line, int i, FieldNames names, List<FieldProblem> problems) {
		Optional<ResourceKind> kind = (line.kind() == null) ? Optional.empty() : this.kinds.find(line.kind());
		if (kind.isEmpty()) {
			problems.add(new FieldProblem(names.field(i, "kind"), "catalogue.kind.unknown", line.kind()));
		}
		else if (!INSTANCE.equals(line.dimension()) && kind.get()
			.fields()
			.stream()
			.noneMatch((f) -> f.name().equals(line.dimension()) && f.type() == SpecField.Type.INTEGER)) {
			problems.add(new FieldProblem(names.field(i, "dimension"), "price.dimension.unknown", line.dimension()));
		}
		if (line.billingUnit() == null) {
			problems.add(new FieldProblem(names.field(i, "billingUnit"), "error.field.required"));
		}
		BigDecimal price = line.unitPrice();
		if (price == null) {
			problems.add(new FieldProblem(names.field(i, "unitPrice"), "error.field.required"));
		}
		else if (price.signum() <= 0) {
			problems.add(new FieldProblem(names.field(i, "unitPrice"), "price.positive"));
		}
		else if (price.stripTrailingZeros().scale() > 2) {
			problems.add(new FieldProblem(names.field(i, "unitPrice"), "contract.price.decimals"));
		}
		if (line.effectiveFrom() == null) {
			problems.add(new FieldProblem(names.field(i, "effectiveFrom"), "error.field.required"));
		}
		else if (line.effectiveTo() != null && line.effectiveTo().isBefore(line.effectiveFrom())) {
			problems.add(new FieldProblem(names.field(i, "effectiveTo"), "price.period.endBeforeStart"));
		}
	}

	private Optional<String> existingOverlap(UUID supplierId, Line line) {
		boolean backwards = line.effectiveTo() != null && line.effectiveFrom() != null
				&& line.effectiveTo().isBefore(line.effectiveFrom());
		if (supplierId == null || line.effectiveFrom() == null || line.kind() == null || line.dimension() == null
				|| backwards) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT p.tender_number FROM price_line l JOIN price_list p ON p.id = l.price_list_id
				WHERE l.supplier_id = :supplier AND l.kind_code = :kind AND l.dimension = :dimension
				  AND daterange(l.effective_from, l.effective_to, '[]') && daterange(:from, :to, '[]')
				LIMIT 1
				""")
			.param("supplier", supplierId)
			.param("kind", line.kind())
			.param("dimension", line.dimension())
			.param("from", Date.valueOf(line.effectiveFrom()))
			.param("to", (line.effectiveTo() != null) ? Date.valueOf(line.effectiveTo()) : null)
			.query(String.class)
			.optional();
	}

	private static boolean sameItem(Line a, Line b) {
		return a.kind() != null && a.kind().equals(b.kind()) && a.dimension() != null
				&& a.dimension().equals(b.dimension());
	}

	/** Whether two periods share a day; {@code null} ends are open. */
	static boolean overlap(Line a, Line b) {
		if (a.effectiveFrom() == null || b.effectiveFrom() == null) {
			return false;
		}
		LocalDate aEnd = (a.effectiveTo() != null) ? a.effectiveTo() : LocalDate.MAX;
		LocalDate bEnd = (b.effectiveTo() != null) ? b.effectiveTo() : LocalDate.MAX;
		return !a.effectiveFrom().isAfter(bEnd) && !b.effectiveFrom().isAfter(aEnd);
	}

	/**
	 * How a line's field is named to the caller: {@code lines[3].unitPrice} for JSON, a
	 * cell for Excel.
	 */
	interface FieldNames {

		String field(int line, String column);

	}

}
