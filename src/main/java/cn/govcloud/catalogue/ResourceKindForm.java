package cn.govcloud.catalogue;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new kind for the catalogue. A security service usually has no spec fields at all. */
record ResourceKindForm(@NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$") String code,
		@NotNull ResourceCategory category, @NotBlank @Size(max = 60) String nameZh,
		@NotBlank @Size(max = 60) String nameEn, @NotBlank @Size(max = 30) String billingUnit,
		@Valid @Size(max = 10) List<@NotNull @Valid SpecField> fields) {

	public ResourceKindForm {
		fields = (fields != null) ? List.copyOf(fields) : List.of();
	}

}
