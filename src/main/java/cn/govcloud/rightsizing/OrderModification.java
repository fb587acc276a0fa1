package cn.govcloud.rightsizing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

/**
 * The Commission's modification of an objected order (Art. 8): new vCPU and memory for
 * resized lines, by position; the saving follows at the recommendation's unit prices. A
 * release line is kept or the order withdrawn: it has no size to modify.
 */
final class OrderModification {

	private OrderModification() {
	}

	static List<OrderLine> apply(ReleaseOrder order, Map<Integer, Map<String, Long>> modified) {
		if (modified == null || modified.isEmpty()) {
			throw InvalidInputException.of("lines", "rightsizing.modify.none");
		}
		List<FieldProblem> problems = new ArrayList<>();
		List<OrderLine> lines = new ArrayList<>();
		for (OrderLine line : order.lines()) {
			Map<String, Long> values = modified.get(line.position());
			if (values == null || line.orderedSpec() == null) {
				lines.add(line);
				continue;
			}
			Map<String, Object> spec = new LinkedHashMap<>(line.orderedSpec());
			values.forEach((field, value) -> {
				String path = "lines[" + line.position() + "]." + field;
				if (!field.equals(RecommendationRules.VCPU) && !field.equals(RecommendationRules.MEMORY)) {
					problems.add(new FieldProblem(path, "rightsizing.modify.field"));
				}
				else if (value == null || value < 1 || value > 4096) {
					problems.add(new FieldProblem(path, "error.field.range", 1, 4096));
				}
				else {
					spec.put(field, value);
				}
			});
			lines.add(line.modified(spec));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return lines;
	}

}
