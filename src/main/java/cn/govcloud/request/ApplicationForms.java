package cn.govcloud.request;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.request.ApplicationDraft.LineDraft;
import cn.govcloud.request.DecisionForm.LineCut;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.web.FormValues;
import cn.govcloud.shared.web.IndexedFields;

import org.springframework.util.MultiValueMap;

/**
 * The page forms, whose lines come and go in the browser: {@code lines[i].kind},
 * {@code lines[i].spec.vcpu}, … with gaps where a line was removed; and the reviewer's
 * per-line approved values {@code cut[lineId].quantity}, {@code cut[lineId].spec.vcpu},
 * {@code cut[lineId].reason}.
 */
final class ApplicationForms {

	private ApplicationForms() {
	}

	/** The draft a page form describes; blank lines (no kind chosen) are left out. */
	static ApplicationDraft draft(UUID systemId, MultiValueMap<String, String> form) {
		List<LineDraft> lines = new ArrayList<>();
		for (int index : IndexedFields.indexes(form, "lines")) {
			String prefix = "lines[" + index + "].";
			String kind = form.getFirst(prefix + "kind");
			if (kind == null || kind.isBlank()) {
				continue;
			}
			lines.add(new LineDraft(kind, spec(form, prefix + "spec."), direction(form.getFirst(prefix + "direction")),
					number(form.getFirst(prefix + "quantity"), "lines[" + lines.size() + "].quantity"),
					form.getFirst(prefix + "justification")));
		}
		return new ApplicationDraft(systemId, integer(form.getFirst("planVersion")), form.getFirst("summary"), lines);
	}

	/**
	 * The decision a reviewer's page form describes: a line is cut where its values
	 * differ from the request.
	 */
	static DecisionForm decision(ResourceApplication application, MultiValueMap<String, String> form) {
		String chosen = form.getFirst("decision");
		Decision decision;
		try {
			decision = (chosen != null) ? Decision.valueOf(chosen) : null;
		}
		catch (IllegalArgumentException ex) {
			decision = null;
		}
		List<LineCut> cuts = new ArrayList<>();
		if (decision == Decision.APPROVED_WITH_CUTS) {
			for (ApplicationLine line : application.lines()) {
				String prefix = "cut[" + line.id() + "].";
				BigDecimal quantity = number(form.getFirst(prefix + "quantity"), "cuts.approvedQuantity");
				Map<String, Object> spec = spec(form, prefix + "spec.");
				boolean changed = (quantity != null && quantity.compareTo(BigDecimal.valueOf(line.quantity())) != 0)
						|| (!spec.isEmpty() && !sameSpec(spec, line.spec()));
				if (changed) {
					cuts.add(new LineCut(line.id(), quantity, spec, form.getFirst(prefix + "reason")));
				}
			}
		}
		return new DecisionForm(decision, form.getFirst("reason"), cuts);
	}

	private static boolean sameSpec(Map<String, Object> given, Map<String, Object> requested) {
		return given.entrySet()
			.stream()
			.allMatch(
					(entry) -> String.valueOf(requested.get(entry.getKey())).equals(String.valueOf(entry.getValue())));
	}

	private static Map<String, Object> spec(MultiValueMap<String, String> form, String prefix) {
		Map<String, Object> spec = new LinkedHashMap<>();
		form.forEach((key, values) -> {
			if (key.startsWith(prefix) && !values.isEmpty() && values.get(0) != null && !values.get(0).isBlank()) {
				spec.put(key.substring(prefix.length()), values.get(0).strip());
			}
		});
		return spec;
	}

	private static LineDirection direction(String value) {
		return "DECREASE".equals(value) ? LineDirection.DECREASE : LineDirection.INCREASE;
	}

	private static BigDecimal number(String value, String field) {
		return FormValues.decimal(value, field, "request.quantity.whole");
	}

	private static Integer integer(String value) {
		try {
			return (value == null || value.isBlank()) ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of("planVersion", "error.field.format");
		}
	}

}
