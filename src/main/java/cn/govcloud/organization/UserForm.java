package cn.govcloud.organization;

import java.util.Set;
import java.util.UUID;

import cn.govcloud.shared.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the system administrator enters to create an account. The initial password must
 * meet the policy and is changed by its owner at the first login.
 */
public record UserForm(@NotBlank @Pattern(regexp = "^[A-Za-z0-9._-]{3,50}$") String username,
		@NotBlank @Size(max = 50) String displayName, @NotNull UUID organizationId, @NotEmpty Set<Role> roles,
		@Size(max = 30) @Pattern(regexp = "^$|^[0-9+\\- ()]{5,30}$") String phone, @Size(max = 100) @Email String email,
		@NotBlank String initialPassword) {

	public UserForm {
		username = (username == null) ? null : username.strip();
		displayName = (displayName == null) ? null : displayName.strip();
		roles = (roles == null) ? Set.of() : Set.copyOf(roles);
	}

}
