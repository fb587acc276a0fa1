package cn.govcloud.catalogue;

import java.util.List;

/**
 * One dimension of a resource's spec, e.g. a cloud host's vCPU count.
 *
 * @param name the key in a spec (e.g. {@code vcpu})
 * @param type a whole number in [min, max], or one of the choices
 * @param unit shown after the value (e.g. {@code GiB}); may be empty
 */
public record SpecField(String name, String labelZh, String labelEn, Type type, Long min, Long max,
		List<String> choices, String unit) {

	public SpecField {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
		unit = (unit != null) ? unit : "";
	}

	public String label(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.labelEn : this.labelZh;
	}

	public enum Type {

		INTEGER, CHOICE

	}

}
