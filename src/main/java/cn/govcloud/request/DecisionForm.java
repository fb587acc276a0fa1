package cn.govcloud.request;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.Text;

/**
 * The reviewer's decision. For {@code APPROVED_WITH_CUTS} each cut line names the
 * approved spec and quantity and the reason; lines not named are approved as requested.
 */
@Schema(name = "ApplicationDecisionForm")
record DecisionForm(Decision decision, String reason, List<LineCut> cuts) {

	public DecisionForm {
		cuts = (cuts != null) ? List.copyOf(cuts) : List.of();
		reason = Text.stripToNull(reason);
	}

	/**
	 * @param approvedSpec the approved spec; the requested one when left out
	 */
	public record LineCut(UUID lineId, BigDecimal approvedQuantity, Map<String, Object> approvedSpec, String reason) {

		public LineCut {
			reason = Text.stripToNull(reason);
		}

	}

}
