package cn.govcloud.request;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import cn.govcloud.request.ApplicationDraft.LineDraft;

/**
 * Lines as the drafting page shows them: what was entered, plus one blank line to fill
 * in.
 */
final class PageLines {

	private PageLines() {
	}

	static List<LineDraft> of(ApplicationDraft draft) {
		List<LineDraft> lines = new java.util.ArrayList<>(draft.lines());
		lines.add(blank());
		return lines;
	}

	static LineDraft blank() {
		return new LineDraft(null, Map.of(), LineDirection.INCREASE, null, null);
	}

	static ApplicationDraft asDraft(ResourceApplication application) {
		return new ApplicationDraft(application.systemId(), application.planVersion(), application.summary(),
				application.lines()
					.stream()
					.map((line) -> new LineDraft(line.kind(), line.spec(), line.direction(),
							BigDecimal.valueOf(line.quantity()), line.justification()))
					.toList());
	}

}
