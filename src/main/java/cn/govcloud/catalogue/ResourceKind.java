package cn.govcloud.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A kind of cloud resource a unit can ask for.
 *
 * @param code stable identifier used on applications and contracts (e.g.
 * {@code CLOUD_HOST})
 * @param billingUnit what one unit of quantity is billed as (e.g. "台·月"), for prices
 * later
 * @param retiredAt when it stopped being offered; retired kinds stay on old records
 */
public record ResourceKind(String code, ResourceCategory category, String nameZh, String nameEn, String billingUnit,
		List<SpecField> fields, Instant retiredAt, int sortOrder) {

	public ResourceKind {
		fields = List.copyOf(fields);
	}

	public boolean retired() {
		return this.retiredAt != null;
	}

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameZh;
	}

	/** A spec as people read it, e.g. "vCPU 4 · 内存 16 GiB · 系统盘 100 GiB · 操作系统 麒麟". */
	public String describe(Map<String, Object> spec, Locale locale) {
		return this.fields.stream()
			.filter((field) -> spec.get(field.name()) != null)
			.map((field) -> field.label(locale) + " " + spec.get(field.name())
					+ (field.unit().isEmpty() ? "" : " " + field.unit()))
			.collect(Collectors.joining(" · "));
	}

}
