package cn.govcloud.organization;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.shared.FieldCipher;
import cn.govcloud.shared.FieldEncryption;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People's phone numbers and e-mail addresses are SM4-encrypted at rest (issue 19, ADR
 * 0033).
 */
@GovCloudIntegrationTest
class PersonalFieldsIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	Organizations organizations;

	@Autowired
	UserRepository repository;

	@Autowired
	FieldEncryption encryption;

	@Test
	void aPersonsPhoneAndEmailAreStoredSealedAndReadBackInPlain() {
		UUID id = person("13912345678", "li.si@yixing.gov.cn");
		assertThat(raw(id, "phone")).startsWith("sm4:test:").doesNotContain("12345678");
		assertThat(raw(id, "email")).startsWith("sm4:test:").doesNotContain("yixing");
		UserAccount account = this.users.findById(id).orElseThrow();
		assertThat(account.phone()).isEqualTo("13912345678");
		assertThat(account.email()).isEqualTo("li.si@yixing.gov.cn");
		this.users.updateProfile(id, "李四", "0510-1234567", null);
		assertThat(raw(id, "phone")).startsWith("sm4:test:").doesNotContain("1234567");
		assertThat(raw(id, "email")).isNull();
		assertThat(this.users.findById(id).orElseThrow().phone()).isEqualTo("0510-1234567");
	}

	@Test
	void plaintextFromBeforeEncryptionIsSealedOnceAndStillReads() {
		UUID id = person(null, null);
		this.jdbc.sql("UPDATE app_user SET email = 'old@yixing.gov.cn' WHERE id = :id").param("id", id).update();
		assertThat(this.users.findById(id).orElseThrow().email()).isEqualTo("old@yixing.gov.cn");
		assertThat(this.encryption.sealPlaintext()).isGreaterThanOrEqualTo(1);
		String sealed = raw(id, "email");
		assertThat(sealed).startsWith("sm4:test:");
		assertThat(this.encryption.sealPlaintext()).as("nothing left in plaintext").isZero();
		assertThat(raw(id, "email")).isEqualTo(sealed);
		assertThat(this.users.findById(id).orElseThrow().email()).isEqualTo("old@yixing.gov.cn");
	}

	@Test
	void rotationReencryptsEveryFieldUnderTheNewKey() {
		UUID id = person("13800000000", "rotate@yixing.gov.cn");
		FieldCipher rotated = FieldCipher.of("test:000102030405060708090a0b0c0d0e0f",
				"next:0f0e0d0c0b0a09080706050403020100");
		FieldEncryption rotation = this.encryption.with(rotated);
		try {
			assertThat(rotation.reencrypt()).isGreaterThanOrEqualTo(2);
			assertThat(raw(id, "phone")).startsWith("sm4:next:");
			assertThat(rotated.open(PersonalFields.USER_EMAIL, raw(id, "email"))).isEqualTo("rotate@yixing.gov.cn");
			assertThat(this.jdbc.sql("SELECT count(*) FROM organization WHERE contact_phone NOT LIKE 'sm4:next:%'")
				.query(Long.class)
				.single()).isZero();
		}
		finally {
			// Back under the test key, which the shared context reads with.
			FieldEncryption back = this.encryption
				.with(FieldCipher.of("next:0f0e0d0c0b0a09080706050403020100", "test:000102030405060708090a0b0c0d0e0f"));
			back.reencrypt();
		}
		assertThat(this.users.findById(id).orElseThrow().phone()).isEqualTo("13800000000");
	}

	private UUID person(String phone, String email) {
		UUID organization = this.organizations.ofKind(OrganizationKind.UNIT).get(0).id();
		UUID id = UUID.randomUUID();
		String username = "sm4-" + id.toString().substring(0, 8);
		this.repository.insert(id,
				new UserForm(username, "李四", organization, Set.of(Role.UNIT_MEMBER), phone, email, "Start#2026go"),
				"{noop}x", Instant.now());
		return id;
	}

	private String raw(UUID id, String column) {
		return this.jdbc.sql("SELECT " + column + " FROM app_user WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
