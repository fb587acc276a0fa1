package cn.govcloud.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.catalogue.PriceListForm.Line;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

/**
 * Art. 5: one supplier never has two tender prices for the same kind and dimension on one
 * day — within a list, or against every list already recorded. A list that supersedes an
 * earlier one first cuts the earlier one's prices short, item by item: a price still in
 * force when the new price for its item starts ends the day before. A price of the
 * superseded list that starts on or after that day cannot be cut and overlaps.
 */
final class PriceOverlaps {

	private PriceOverlaps() {
	}

	/** Lines of one list that price the same item on a shared day. */
	static List<FieldProblem> within(List<Line> lines, FieldNames names) {
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			for (int j = 0; j < i; j++) {
				overlapWithin(lines, i, j, names, problems);
			}
		}
		return problems;
	}

	private static void overlapWithin(List<Line> lines, int i, int j, FieldNames names, List<FieldProblem> problems) {
		Line a = lines.get(i);
		Line b = lines.get(j);
		if (!sameItem(a, b) || period(a).isEmpty() || period(b).isEmpty()) {
			return;
		}
		period(a).flatMap((p) -> p.overlap(period(b).get()))
			.ifPresent((days) -> problems.add(new FieldProblem(names.field(i, "effectiveFrom"), "price.overlap.inList",
					a.kind(), a.dimension(), names.line(j), days.from(), days.end())));
	}

	/**
	 * Overlaps of the lines with the supplier's recorded lines, as they will be once the
	 * superseded list (if any) has been cut short.
	 */
	static List<FieldProblem> againstRecorded(List<Line> lines, List<RecordedLine> recorded, UUID superseded,
			FieldNames names) {
		Map<String, LocalDate> starts = earliestStarts(lines);
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Line line = lines.get(i);
			Optional<EffectivePeriod> period = period(line);
			if (period.isEmpty()) {
				continue;
			}
			for (RecordedLine other : recorded) {
				if (!other.sameItem(line.kind(), line.dimension())) {
					continue;
				}
				EffectivePeriod after = cutShort(other, superseded, starts).orElse(other.period());
				int index = i;
				period.get()
					.overlap(after)
					.ifPresent((days) -> problems.add(new FieldProblem(names.field(index, "effectiveFrom"),
							"price.overlap.existing", line.kind(), line.dimension(), other.tenderNumber(), after.from(),
							after.end(), days.from(), days.end())));
			}
		}
		return problems;
	}

	/**
	 * The superseded list's lines that the new lines cut short, with their new period.
	 */
	static Map<RecordedLine, EffectivePeriod> cuts(List<Line> lines, List<RecordedLine> recorded, UUID superseded) {
		Map<String, LocalDate> starts = earliestStarts(lines);
		Map<RecordedLine, EffectivePeriod> cuts = new HashMap<>();
		recorded.forEach((line) -> cutShort(line, superseded, starts).ifPresent((cut) -> cuts.put(line, cut)));
		return cuts;
	}

	/**
	 * A line of the superseded list still in force when the new list's price for its item
	 * starts ends the day before; one starting on or after that day cannot be cut and
	 * overlaps.
	 */
	private static Optional<EffectivePeriod> cutShort(RecordedLine line, UUID superseded,
			Map<String, LocalDate> starts) {
		LocalDate start = starts.get(item(line.kind(), line.dimension()));
		if (superseded == null || start == null || !superseded.equals(line.priceListId())
				|| !line.period().from().isBefore(start) || !line.period().contains(start)) {
			return Optional.empty();
		}
		return Optional.of(line.period().endingBefore(start));
	}

	private static Map<String, LocalDate> earliestStarts(List<Line> lines) {
		Map<String, LocalDate> starts = new HashMap<>();
		lines.stream()
			.filter((line) -> period(line).isPresent())
			.forEach((line) -> starts.merge(item(line.kind(), line.dimension()), line.effectiveFrom(),
					(a, b) -> a.isBefore(b) ? a : b));
		return starts;
	}

	private static Optional<EffectivePeriod> period(Line line) {
		return PriceLineRules.period(line);
	}

	private static boolean sameItem(Line a, Line b) {
		return item(a.kind(), a.dimension()).equals(item(b.kind(), b.dimension()));
	}

	private static String item(String kind, String dimension) {
		return kind + "/" + dimension;
	}

}
