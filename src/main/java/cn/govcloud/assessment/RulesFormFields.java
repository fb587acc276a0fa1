package cn.govcloud.assessment;

import java.util.ArrayList;
import java.util.List;

import cn.govcloud.assessment.RulesForm.BandRow;
import cn.govcloud.assessment.RulesForm.IndicatorRow;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

import org.springframework.util.MultiValueMap;

/**
 * The rules page's fields ({@code indicators[i].weight}, {@code bands[j].minScore}, …) to
 * and from a {@link RulesForm}. A row left wholly blank is no row; a number that does not
 * read as one is named by its field.
 */
final class RulesFormFields {

	/** Rows read at most, of each kind. */
	static final int MAX_ROWS = 40;

	/** Blank rows offered beneath the rules, to add an indicator or a band. */
	static final int SPARE_ROWS = 2;

	private RulesFormFields() {
	}

	/** The form, or every field that does not read as a number, named. */
	static RulesForm parse(MultiValueMap<String, String> fields) {
		List<FieldProblem> problems = new ArrayList<>();
		List<IndicatorRow> indicators = new ArrayList<>();
		for (int i = 0; i < MAX_ROWS; i++) {
			String at = "indicators[" + i + "].";
			String source = fields.getFirst(at + "source");
			String dimension = fields.getFirst(at + "dimension");
			String weight = fields.getFirst(at + "weight");
			String zeroAt = fields.getFirst(at + "zeroAt");
			String fullAt = fields.getFirst(at + "fullAt");
			if (blank(source) && blank(dimension) && blank(weight) && blank(zeroAt) && blank(fullAt)) {
				continue;
			}
			while (indicators.size() < i) {
				indicators.add(null);
			}
			indicators.add(new IndicatorRow(source, dimension, integer(weight, at + "weight", problems),
					decimal(zeroAt, at + "zeroAt", problems), decimal(fullAt, at + "fullAt", problems)));
		}
		List<BandRow> bands = new ArrayList<>();
		for (int i = 0; i < MAX_ROWS; i++) {
			String at = "bands[" + i + "].";
			String min = fields.getFirst(at + "minScore");
			String max = fields.getFirst(at + "maxScore");
			String ratio = fields.getFirst(at + "ratioPercent");
			if (blank(min) && blank(max) && blank(ratio)) {
				continue;
			}
			while (bands.size() < i) {
				bands.add(null);
			}
			bands.add(new BandRow(decimal(min, at + "minScore", problems), decimal(max, at + "maxScore", problems),
					integer(ratio, at + "ratioPercent", problems), "true".equals(fields.getFirst(at + "continues"))));
		}
		RulesForm form = new RulesForm(integer(fields.getFirst("serviceResponse"), "serviceResponse", problems),
				integer(fields.getFirst("satisfaction"), "satisfaction", problems),
				integer(fields.getFirst("quality"), "quality", problems), indicators, bands);
		if (!problems.isEmpty()) {
			throw new Unreadable(form, problems);
		}
		return form;
	}

	/** The form showing {@code rules}. */
	static RulesForm of(AssessmentRules rules) {
		return new RulesForm(rules.dimensionWeights().get(Dimension.SERVICE_RESPONSE),
				rules.dimensionWeights().get(Dimension.SATISFACTION), rules.dimensionWeights().get(Dimension.QUALITY),
				rules.indicators()
					.stream()
					.map((i) -> new IndicatorRow(i.code(), i.dimension().name(), i.weight(), i.curve().zeroAt(),
							i.curve().fullAt()))
					.toList(),
				rules.payments()
					.bands()
					.stream()
					.map((b) -> new BandRow(b.minScore(), b.maxScore(), b.ratioPercent(), b.continues()))
					.toList());
	}

	/**
	 * The form with its blank rows dropped and {@link #SPARE_ROWS} blank rows of each
	 * kind added.
	 */
	static RulesForm padded(RulesForm form) {
		List<IndicatorRow> indicators = new ArrayList<>((form.indicators() != null)
				? form.indicators().stream().filter(java.util.Objects::nonNull).toList() : List.of());
		List<BandRow> bands = new ArrayList<>(
				(form.bands() != null) ? form.bands().stream().filter(java.util.Objects::nonNull).toList() : List.of());
		for (int i = 0; i < SPARE_ROWS; i++) {
			indicators.add(new IndicatorRow(null, null, null, null, null));
			bands.add(new BandRow(null, null, null, null));
		}
		return new RulesForm(form.serviceResponse(), form.satisfaction(), form.quality(), indicators, bands);
	}

	static Integer integerOrNull(String value) {
		try {
			return blank(value) ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * A decimal field, or null when blank; throws naming the field when it is no number.
	 */
	static Double decimal(String value, String field) {
		List<FieldProblem> problems = new ArrayList<>();
		Double number = decimal(value, field, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return number;
	}

	private static Integer integer(String value, String field, List<FieldProblem> problems) {
		try {
			return blank(value) ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "error.field.format"));
			return null;
		}
	}

	private static Double decimal(String value, String field, List<FieldProblem> problems) {
		try {
			Double number = blank(value) ? null : Double.valueOf(value.strip());
			if (number != null && !Double.isFinite(number)) {
				throw new NumberFormatException(value);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(field, "error.field.format"));
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	/** Fields that do not read as numbers, with the form as far as it reads. */
	static final class Unreadable extends InvalidInputException {

		private final transient RulesForm form;

		Unreadable(RulesForm form, List<FieldProblem> problems) {
			super(problems);
			this.form = form;
		}

		RulesForm form() {
			return this.form;
		}

	}

}
