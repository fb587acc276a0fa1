package cn.govcloud.identity;

import java.util.List;

import cn.govcloud.shared.SecretField;
import cn.govcloud.shared.SecretFields;

import org.springframework.stereotype.Component;

/**
 * The TOTP secrets, SM4-encrypted at rest (ADR 0033): GovCloud must read them back to
 * compute codes, so they are sealed, not hashed.
 */
@Component
class TwoFactorSecrets implements SecretFields {

	static final SecretField SECRET = new SecretField("identity_two_factor", "user_id", "secret");

	@Override
	public List<SecretField> secretFields() {
		return List.of(SECRET);
	}

}
