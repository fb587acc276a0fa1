package cn.govcloud.catalogue;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One dimension of a resource's spec, e.g. a cloud host's vCPU count.
 *
 * @param name the key in a spec (e.g. {@code vcpu})
 * @param type a whole number in [min, max], or one of the choices
 * @param unit shown after the value (e.g. {@code GiB}); may be empty
 */
public record SpecField(@NotBlank @Pattern(regexp = NAME) String name, @NotBlank @Size(max = 60) String labelZh,
		@NotBlank @Size(max = 60) String labelEn, @NotNull Type type, Long min, Long max,
		@Size(max = 50) List<@NotBlank @Size(max = 60) String> choices, @Size(max = 20) String unit) {

	/** A spec key: a letter, then letters, digits or underscores, at most 40. */
	public static final String NAME = "^[a-z][A-Za-z0-9_]{0,39}$";

	public SpecField {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
		unit = (unit != null) ? unit : "";
	}

	/** Whether the field can be shown and checked: named, labelled and typed. */
	public boolean wellFormed() {
		return this.name != null && this.labelZh != null && this.labelEn != null && this.type != null
				&& (this.type != Type.INTEGER || (this.min != null && this.max != null));
	}

	public String label(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.labelEn : this.labelZh;
	}

	public enum Type {

		INTEGER, CHOICE

	}

}
