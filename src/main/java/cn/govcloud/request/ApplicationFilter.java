package cn.govcloud.request;

import java.util.UUID;

import cn.govcloud.shared.Text;

/** Filters of the application lists and the review queue; {@code null} means any. */
public record ApplicationFilter(ApplicationStatus status, UUID systemId, UUID unitId, String text) {

	public ApplicationFilter {
		text = Text.stripToNull(text);
	}

}
