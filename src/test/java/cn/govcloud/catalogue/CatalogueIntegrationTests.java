package cn.govcloud.catalogue;

import java.net.http.HttpResponse;
import java.util.Map;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@GovCloudIntegrationTest
class CatalogueIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ResourceKinds kinds;

	@Test
	void theCatalogueOffersEveryKindOfArticleSix() {
		assertThat(this.kinds.offered()).extracting(ResourceKind::category).contains(ResourceCategory.values());
		assertThat(this.kinds.get("CLOUD_HOST").fields()).extracting(SpecField::name)
			.containsExactly("vcpu", "memoryGib", "systemDiskGib", "os");
	}

	@Test
	void aValidSpecIsNormalised() {
		ResourceKinds.SpecCheck check = this.kinds.check("CLOUD_HOST",
				Map.of("vcpu", "4", "memoryGib", 16, "systemDiskGib", "100.0", "os", "麒麟 Kylin"), "lines[0]");
		assertThat(check.problems()).isEmpty();
		assertThat(check.spec()).containsEntry("vcpu", 4L).containsEntry("systemDiskGib", 100L);
	}

	@Test
	void specsOutsideTheKindsRangesAreNamedFieldByField() {
		ResourceKinds.SpecCheck check = this.kinds.check("CLOUD_HOST",
				Map.of("vcpu", "0", "memoryGib", "2.5", "os", "DOS", "gpu", "1"), "lines[0]");
		assertThat(codes(check)).containsExactlyInAnyOrder("lines[0].spec.vcpu=catalogue.spec.range",
				"lines[0].spec.memoryGib=catalogue.spec.integer", "lines[0].spec.systemDiskGib=error.field.required",
				"lines[0].spec.os=catalogue.spec.choice", "lines[0].spec.gpu=catalogue.spec.unknown");
		assertThat(codes(this.kinds.check("BANDWIDTH", Map.of("mbps", "-5"), "lines[2]")))
			.containsExactly("lines[2].spec.mbps=catalogue.spec.range");
		assertThat(codes(this.kinds.check("BANDWIDTH", Map.of("mbps", "lots"), "")))
			.containsExactly("spec.mbps=catalogue.spec.integer");
	}

	@Test
	void aSpecForAnUnknownOrRetiredKindIsRefused() {
		assertThat(codes(this.kinds.check("QUANTUM_COMPUTER", Map.of(), "lines[1]")))
			.containsExactly("lines[1].kind=catalogue.kind.unknown");
	}

	@Test
	void theCommissionManagerAddsAndRetiresAServiceAndOldRecordsKeepIt() {
		TestClient manager = TestClient.signedIn(this.port, "manager");
		HttpResponse<String> added = manager.postJson("/api/v1/catalogue/kinds", """
				{"code":"API_GATEWAY_SECURITY","category":"SECURITY_SERVICE","nameZh":"API 安全网关",
				 "nameEn":"API security gateway","billingUnit":"实例·月","fields":[]}""");
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		assertThat(this.kinds.check("API_GATEWAY_SECURITY", Map.of(), "").valid()).isTrue();

		assertThat(manager.postJson("/api/v1/catalogue/kinds/API_GATEWAY_SECURITY/retire", "{}").statusCode())
			.isEqualTo(200);
		assertThat(codes(this.kinds.check("API_GATEWAY_SECURITY", Map.of(), "")))
			.containsExactly("kind=catalogue.kind.retired");
		assertThat(this.kinds.find("API_GATEWAY_SECURITY")).isPresent();
		String offered = manager.getJson("/api/v1/catalogue/kinds").body();
		assertThat(offered).doesNotContain("API_GATEWAY_SECURITY");
		assertThat(manager.getJson("/api/v1/catalogue/kinds?includeRetired=true").body())
			.contains("API_GATEWAY_SECURITY");
		manager.postJson("/api/v1/catalogue/kinds/API_GATEWAY_SECURITY/reinstate", "{}");
		assertThat(this.kinds.check("API_GATEWAY_SECURITY", Map.of(), "").valid()).isTrue();
	}

	@Test
	void onlyTheManagerMaintainsTheCatalogueAndBadKindsAreNamed() {
		String body = """
				{"code":"X_SERVICE","category":"SECURITY_SERVICE","nameZh":"x","nameEn":"x","billingUnit":"个"}""";
		assertThat(TestClient.signedIn(this.port, "reviewer").postJson("/api/v1/catalogue/kinds", body).statusCode())
			.isEqualTo(403);
		assertThat(TestClient.signedIn(this.port, "unitadmin").postJson("/api/v1/catalogue/kinds", body).statusCode())
			.isEqualTo(403);
		TestClient manager = TestClient.signedIn(this.port, "manager");
		HttpResponse<String> taken = manager.postJson("/api/v1/catalogue/kinds",
				body.replace("X_SERVICE", "CLOUD_HOST"));
		assertThat((String) JsonPath.read(taken.body(), "$.errors[0].field")).isEqualTo("code");
		HttpResponse<String> badCode = manager.postJson("/api/v1/catalogue/kinds", body.replace("X_SERVICE", "lower"));
		assertThat((String) JsonPath.read(badCode.body(), "$.errors[0].field")).isEqualTo("code");
		HttpResponse<String> badRange = manager.postJson("/api/v1/catalogue/kinds", body.replace("\"个\"}",
				"\"个\",\"fields\":[{\"name\":\"n\",\"labelZh\":\"n\",\"labelEn\":\"n\",\"type\":\"INTEGER\",\"min\":9,\"max\":1}]}"));
		assertThat((String) JsonPath.read(badRange.body(), "$.errors[0].field")).isEqualTo("fields[0].min");
	}

	@Test
	void everyoneButTheAuditorReadsTheCataloguePage() {
		assertThat(TestClient.signedIn(this.port, "unitmember").get("/catalogue").body()).contains("云主机")
			.contains("1–128 核");
		assertThat(TestClient.signedIn(this.port, "auditadmin").get("/catalogue").statusCode()).isEqualTo(403);
	}

	private static java.util.List<String> codes(ResourceKinds.SpecCheck check) {
		return check.problems().stream().map((FieldProblem p) -> p.field() + "=" + p.code()).toList();
	}

}
