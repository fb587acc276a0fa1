package cn.govcloud.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit page's filter form as typed; {@link #toFilter()} checks it. Dates are
 * {@code yyyy-MM-dd}.
 */
record AuditFilterForm(String from, String to, String actor, String organization, String action, String outcome) {

	AuditFilter toFilter() {
		return AuditFilter.parse(this.from, this.to, this.actor, this.organization, this.action, this.outcome);
	}

	/** The filters as query parameters, for pager and export links. */
	Map<String, String> params() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("from", this.from);
		params.put("to", this.to);
		params.put("actor", this.actor);
		params.put("organization", this.organization);
		params.put("action", this.action);
		params.put("outcome", this.outcome);
		return params;
	}

}
