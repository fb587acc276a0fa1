package cn.govcloud.organization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The security administrator's policy page as posted: numbers as typed (a bad one is
 * named, never a 500), the roles ticked for two factors.
 */
public record SecurityPolicyForm(String passwordMinLength, String passwordMinClasses, String passwordHistory,
		String passwordMaxAgeDays, String lockoutMaxFailures, String lockoutMinutes, String idleTimeoutMinutes,
		String addressMaxFailures, String addressWindowMinutes, List<String> twoFactorRoles) {

	/** The form showing {@code policy}. */
	public static SecurityPolicyForm of(SecurityPolicy policy) {
		return new SecurityPolicyForm(String.valueOf(policy.passwordMinLength()),
				String.valueOf(policy.passwordMinClasses()), String.valueOf(policy.passwordHistory()),
				String.valueOf(policy.passwordMaxAgeDays()), String.valueOf(policy.lockoutMaxFailures()),
				String.valueOf(policy.lockoutMinutes()), String.valueOf(policy.idleTimeout().toMinutes()),
				String.valueOf(policy.addressMaxFailures()), String.valueOf(policy.addressWindowMinutes()),
				policy.twoFactorRoles().stream().map(Enum::name).sorted().toList());
	}

	Map<String, String> numbers() {
		Map<String, String> numbers = new LinkedHashMap<>();
		numbers.put("passwordMinLength", this.passwordMinLength);
		numbers.put("passwordMinClasses", this.passwordMinClasses);
		numbers.put("passwordHistory", this.passwordHistory);
		numbers.put("passwordMaxAgeDays", this.passwordMaxAgeDays);
		numbers.put("lockoutMaxFailures", this.lockoutMaxFailures);
		numbers.put("lockoutMinutes", this.lockoutMinutes);
		numbers.put("idleTimeoutMinutes", this.idleTimeoutMinutes);
		numbers.put("addressMaxFailures", this.addressMaxFailures);
		numbers.put("addressWindowMinutes", this.addressWindowMinutes);
		return numbers;
	}

}
