package cn.govcloud.organization;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import cn.govcloud.shared.FieldCipher;
import cn.govcloud.shared.FieldEncryption;
import cn.govcloud.shared.KeyMismatchException;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * People's phone numbers and e-mail addresses are SM4-encrypted at rest (issue 19, ADR
 * 0033).
 */
@GovCloudIntegrationTest
class PersonalFieldsIntegrationTests {

	@LocalServerPort
	int port;

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
	void aPersonIsFoundByExactEmailThroughItsBlindIndexWhichHoldsNoPlaintext() {
		String mark = UUID.randomUUID().toString().substring(0, 8);
		String email = "Wang.Wu." + mark + "@Yixing.gov.cn";
		UUID id = person(null, email);
		String username = this.users.findById(id).orElseThrow().username();
		String index = raw(id, "email_index");
		assertThat(index).startsWith("hmac-sm3:test:").hasSize("hmac-sm3:test:".length() + 64);
		assertThat(index.toLowerCase()).doesNotContain(mark).doesNotContain("wang").doesNotContain("yixing");
		assertThat(this.jdbc.sql("SELECT count(*) FROM app_user WHERE email_index = :index")
			.param("index", index)
			.query(Long.class)
			.single()).as("the index is exact and keyed: one person").isOne();

		TestClient sysadmin = TestClient.signedIn(this.port, "sysadmin");
		String exact = "  wang.wu." + mark + "@YIXING.gov.cn ";
		assertThat(sysadmin.get("/users?q=" + URLEncoder.encode(exact, StandardCharsets.UTF_8)).body())
			.contains(username);
		assertThat(sysadmin.get("/users?q=" + URLEncoder.encode("wu." + mark + "@yixing.gov", StandardCharsets.UTF_8))
			.body()).as("only the exact address finds it").doesNotContain(username);

		this.users.updateProfile(id, "王五", null, "other." + mark + "@yixing.gov.cn");
		assertThat(raw(id, "email_index")).isNotEqualTo(index).startsWith("hmac-sm3:test:");
		assertThat(sysadmin.get("/users?q=" + URLEncoder.encode(email, StandardCharsets.UTF_8)).body())
			.doesNotContain(username);
		this.users.updateProfile(id, "王五", null, null);
		assertThat(raw(id, "email_index")).isNull();
	}

	@Test
	void aMissingBlindIndexIsMadeAgainFromTheSealedValue() {
		UUID id = person(null, "backfill@yixing.gov.cn");
		String index = raw(id, "email_index");
		this.jdbc.sql("UPDATE app_user SET email_index = NULL WHERE id = :id").param("id", id).update();
		assertThat(this.encryption.reindex()).isGreaterThanOrEqualTo(1);
		assertThat(raw(id, "email_index")).isEqualTo(index);
		assertThat(this.encryption.reindex()).as("every index current").isZero();
	}

	@Test
	void rotationReencryptsEveryFieldUnderTheNewKey() {
		UUID id = person("13800000000", "rotate@yixing.gov.cn");
		FieldCipher rotated = FieldCipher.of("test:000102030405060708090a0b0c0d0e0f",
				"next:0f0e0d0c0b0a09080706050403020100");
		FieldEncryption rotation = this.encryption.with(rotated);
		try {
			assertThat(rotation.reencrypt()).isGreaterThanOrEqualTo(2);
			assertThat(rotation.reindex()).isGreaterThanOrEqualTo(1);
			assertThat(raw(id, "phone")).startsWith("sm4:next:");
			assertThat(raw(id, "email_index"))
				.isEqualTo(rotated.index(PersonalFields.USER_EMAIL, "rotate@yixing.gov.cn"))
				.startsWith("hmac-sm3:next:");
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
			back.reindex();
		}
		assertThat(this.users.findById(id).orElseThrow().phone()).isEqualTo("13800000000");
	}

	@Test
	void aStartWithAnotherKeyFileStopsWithOneMessageNamingTheKeysSource() {
		person("13800000001", "otherkey@yixing.gov.cn");
		assertThatNoException().isThrownBy(this.encryption::checkKeys);
		FieldEncryption otherKey = this.encryption.with(FieldCipher.of("test:0f0e0d0c0b0a09080706050403020100"));
		assertThatExceptionOfType(KeyMismatchException.class).isThrownBy(otherKey::checkKeys)
			.withMessageContaining("sealed with the SM4 key 'test'")
			.withMessageContaining("govcloud.crypto.keys holds a different key under that id");
		FieldEncryption noSuchKey = this.encryption.with(FieldCipher.of("k9:0f0e0d0c0b0a09080706050403020100"));
		assertThatExceptionOfType(KeyMismatchException.class).isThrownBy(noSuchKey::checkKeys)
			.withMessageContaining("holds no key of that id");
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
