package cn.govcloud.contract;

import java.time.LocalDate;
import java.util.Map;

/**
 * An amendment: from {@code effectiveFrom}, the lines (by position in the current
 * version) have the new quantities; lines not named keep theirs.
 */
public record AmendmentForm(LocalDate effectiveFrom, String reason, Map<Integer, Long> quantities) {

	public AmendmentForm {
		quantities = (quantities != null) ? Map.copyOf(quantities) : Map.of();
		reason = (reason != null) ? reason.strip() : null;
	}

}
