package cn.govcloud.organization;

import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@GovCloudIntegrationTest
class OrganizationApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	TestClient admin;

	@BeforeEach
	void signIn() {
		this.admin = TestClient.signedIn(this.port, "sysadmin");
	}

	@Test
	void theSystemAdministratorRegistersAUnitAndItIsAudited() {
		String code = freshCode();
		HttpResponse<String> created = this.admin.postJson("/api/v1/organizations", unit("测试单位" + code, code));
		assertThat(created.statusCode()).isEqualTo(201);
		String id = JsonPath.read(created.body(), "$.id");
		assertThat(this.admin.getJson("/api/v1/organizations/" + id).body()).contains(code);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = 'organization.register' AND target LIKE :t")
			.param("t", "%" + id + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aWrongCheckCharacterIsRefusedByNameAndNothingIsSaved() {
		String code = freshCode();
		char wrong = (code.charAt(17) == '0') ? '1' : '0';
		long before = organizations();
		HttpResponse<String> response = this.admin.postJson("/api/v1/organizations",
				unit("校验码错误单位", code.substring(0, 17) + wrong));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].field")).isEqualTo("creditCode");
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].message")).contains("GB 32100");
		assertThat(organizations()).isEqualTo(before);
	}

	@Test
	void aUnitWithoutCreditCodeIsRefused() {
		HttpResponse<String> response = this.admin.postJson("/api/v1/organizations",
				"{\"kind\":\"UNIT\",\"name\":\"无代码单位\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].field")).isEqualTo("creditCode");
	}

	@Test
	void aCreditCodeBelongsToOneOrganisation() {
		String code = freshCode();
		assertThat(this.admin.postJson("/api/v1/organizations", unit("甲单位" + code, code)).statusCode()).isEqualTo(201);
		HttpResponse<String> second = this.admin.postJson("/api/v1/organizations", unit("乙单位" + code, code));
		assertThat(second.statusCode()).isEqualTo(400);
		assertThat(second.body()).contains("creditCode");
	}

	@Test
	void thereIsOneCommissionAndOneFinanceBureau() {
		for (String kind : new String[] { "COMMISSION", "FINANCE_BUREAU" }) {
			HttpResponse<String> response = this.admin.postJson("/api/v1/organizations",
					"{\"kind\":\"" + kind + "\",\"name\":\"第二个" + kind + "\"}");
			assertThat(response.statusCode()).as(kind).isEqualTo(400);
			assertThat((String) JsonPath.read(response.body(), "$.errors[0].field")).isEqualTo("kind");
		}
	}

	@Test
	void emptyAndOverlongNamesAreRefusedByName() {
		HttpResponse<String> empty = this.admin.postJson("/api/v1/organizations", unit("", freshCode()));
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("\"field\":\"name\"");
		HttpResponse<String> overlong = this.admin.postJson("/api/v1/organizations",
				unit("长".repeat(101), freshCode()));
		assertThat(overlong.statusCode()).isEqualTo(400);
		assertThat(overlong.body()).contains("\"field\":\"name\"");
	}

	@Test
	void malformedJsonAndUnknownKindsGetAClearMessage() {
		HttpResponse<String> malformed = this.admin.postJson("/api/v1/organizations", "{\"kind\": \"UNIT\", ");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(malformed.body(), "$.errors[0].field")).isEqualTo("body");
		HttpResponse<String> unknownKind = this.admin.postJson("/api/v1/organizations",
				"{\"kind\":\"PLANET\",\"name\":\"火星\"}");
		assertThat(unknownKind.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(unknownKind.body(), "$.errors[0].field")).isEqualTo("kind");
		assertThat(unknownKind.body()).doesNotContain("Exception").doesNotContain("tools.jackson");
	}

	@Test
	void messagesFollowTheCallersLanguage() {
		TestClient english = TestClient.signedIn(this.port, "sysadmin");
		english.get("/?lang=en");
		HttpResponse<String> response = english.postJson("/api/v1/organizations", unit("Bad code unit", "123"));
		assertThat((String) JsonPath.read(response.body(), "$.errors[0].message"))
			.contains("Invalid unified social credit code");
	}

	@Test
	void onlyTheSystemAdministratorRegisters() {
		TestClient unitAdmin = TestClient.signedIn(this.port, "unitadmin");
		HttpResponse<String> response = unitAdmin.postJson("/api/v1/organizations", unit("越权单位", freshCode()));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"status\":403");
	}

	@Test
	void theRegisterPageShowsFieldErrors() {
		this.admin.get("/organizations/new");
		HttpResponse<String> page = this.admin.postForm("/organizations",
				java.util.Map.of("kind", "UNIT", "name", "表单单位", "creditCode", "91350100M000100Y44"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("统一社会信用代码无效");
	}

	private long organizations() {
		return this.jdbc.sql("SELECT count(*) FROM organization").query(Long.class).single();
	}

	static String freshCode() {
		String body = "12320282" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
		return body + CreditCode.checkCharacter(body);
	}

	private static String unit(String name, String code) {
		return "{\"kind\":\"UNIT\",\"name\":\"" + name + "\",\"creditCode\":\"" + code
				+ "\",\"contactPerson\":\"王五\",\"contactPhone\":\"0510-87654321\"}";
	}

}
