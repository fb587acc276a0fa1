package cn.govcloud.organization;

import java.util.List;

import cn.govcloud.shared.SecretField;
import cn.govcloud.shared.SecretFields;

import org.springframework.stereotype.Component;

/**
 * People's phone numbers and e-mail addresses, and units' contact phones, SM4-encrypted
 * at rest (ADR 0033).
 */
@Component
class PersonalFields implements SecretFields {

	static final SecretField USER_PHONE = new SecretField("app_user", "id", "phone");

	/**
	 * Searched by exactly (the people list finds a person by e-mail address) through its
	 * blind index (ADR 0037).
	 */
	static final SecretField USER_EMAIL = new SecretField("app_user", "id", "email", "email_index");

	static final SecretField CONTACT_PHONE = new SecretField("organization", "id", "contact_phone");

	@Override
	public List<SecretField> secretFields() {
		return List.of(USER_PHONE, USER_EMAIL, CONTACT_PHONE);
	}

}
