package cn.govcloud.organization;

import cn.govcloud.shared.OrganizationKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the system administrator enters to register or edit an organisation.
 *
 * @param creditCode required for a unit (GB 32100), optional for the others
 */
record OrganizationForm(@NotNull OrganizationKind kind, @NotBlank @Size(max = 100) String name,
		@Size(max = 18) String creditCode, @Size(max = 50) String contactPerson,
		@Size(max = 30) @Pattern(regexp = "^$|^[0-9+\\- ()]{5,30}$") String contactPhone) {

	public OrganizationForm {
		name = trim(name);
		creditCode = (creditCode == null || creditCode.isBlank()) ? null : creditCode.trim().toUpperCase();
		contactPerson = trim(contactPerson);
		contactPhone = trim(contactPhone);
	}

	private static String trim(String value) {
		return (value == null) ? null : value.strip();
	}

}
