package cn.govcloud.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.govcloud.catalogue.SpecField;

/**
 * Approved resources of one kind added up.
 *
 * @param fieldTotals per whole-number spec field, the sum of value × quantity (e.g. vcpu
 * → 480)
 */
record KindTotal(String kind, long quantity, Map<String, Long> fieldTotals) {

	static final class Builder {

		private final String kind;

		private long quantity;

		private final Map<String, Long> fieldTotals = new LinkedHashMap<>();

		Builder(String kind) {
			this.kind = kind;
		}

		void add(AllocatedResource resource, List<SpecField> fields) {
			this.quantity += resource.quantity();
			for (SpecField field : fields) {
				if (field.type() == SpecField.Type.INTEGER
						&& resource.spec().get(field.name()) instanceof Number value) {
					this.fieldTotals.merge(field.name(), value.longValue() * resource.quantity(), Long::sum);
				}
			}
		}

		KindTotal build() {
			return new KindTotal(this.kind, this.quantity, Map.copyOf(this.fieldTotals));
		}

	}

}
