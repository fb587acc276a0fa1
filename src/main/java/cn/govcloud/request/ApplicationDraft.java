package cn.govcloud.request;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.Text;

/**
 * What a unit enters: the system, the plan version relied on, and the lines. Checked as a
 * whole by {@link ResourceApplications}; problems are reported on {@code lines[i].…}.
 */
record ApplicationDraft(UUID systemId, Integer planVersion, String summary, List<LineDraft> lines) {

	public ApplicationDraft {
		lines = (lines != null) ? List.copyOf(lines) : List.of();
		summary = Text.stripToNull(summary);
	}

	/**
	 * One requested line.
	 *
	 * @param direction {@code INCREASE} when left out
	 * @param quantity a whole number ≥ 1 (a decimal is refused with a clear message)
	 */
	@Schema(name = "ApplicationLineDraft")
	public record LineDraft(String kind, Map<String, Object> spec, LineDirection direction, BigDecimal quantity,
			String justification) {

		public LineDraft {
			direction = (direction != null) ? direction : LineDirection.INCREASE;
			justification = (justification != null) ? justification.strip() : null;
		}

	}

}
