package cn.govcloud.rightsizing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.govcloud.catalogue.SpecField;

/**
 * Rounds a needed size to the catalogue kind's specs (Art. 8: the "reasonable value
 * needed"): the smallest value the kind allows — a whole number in its range, or one of
 * its numeric choices — that keeps the figure at or below the target.
 */
final class SpecSizing {

	/** Guards against 0.3 × 4 / 0.6 = 2.0000000000000004 rounding up to 3. */
	private static final double EPSILON = 1e-9;

	private SpecSizing() {
	}

	/**
	 * The smallest allowed value of {@code field} with {@code figure × current / value ≤
	 * target}; the largest allowed when none is big enough; empty when the kind has no
	 * such numeric field or the spec no value for it.
	 */
	static Optional<Long> size(List<SpecField> fields, Map<String, Object> spec, String field, double figure,
			double target) {
		Optional<SpecField> found = fields.stream().filter((f) -> f.name().equals(field)).findFirst();
		if (found.isEmpty() || !(spec.get(field) instanceof Number current)) {
			return Optional.empty();
		}
		double needed = Math.ceil(figure * current.doubleValue() / target - EPSILON);
		SpecField f = found.get();
		if (f.type() == SpecField.Type.INTEGER) {
			return Optional.of(Math.min(f.max(), Math.max(f.min(), (long) needed)));
		}
		List<Long> choices = f.choices().stream().map(SpecSizing::number).flatMap(Optional::stream).sorted().toList();
		if (choices.isEmpty()) {
			return Optional.empty();
		}
		return Optional
			.of(choices.stream().filter((c) -> c >= needed).findFirst().orElse(choices.get(choices.size() - 1)));
	}

	private static Optional<Long> number(String choice) {
		try {
			return Optional.of(Long.parseLong(choice.strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
