package cn.govcloud.systems;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@GovCloudIntegrationTest
class SystemRegisterIntegrationTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	@Test
	void aUnitRegistersASystemAndUploadsVersionsOfItsPlan() {
		TestClient unit = TestClient.signedIn(this.port, "unitmember");
		String id = register(unit, "户籍管理系统 " + UUID.randomUUID().toString().substring(0, 6));
		HttpResponse<String> first = unit.postMultipart("/api/v1/systems/" + id + "/plans", "file", "方案.pdf", PDF);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat((Integer) JsonPath.read(first.body(), "$.version")).isEqualTo(1);
		HttpResponse<String> second = unit.postMultipart("/api/v1/systems/" + id + "/plans", "file", "方案v2.pdf", PDF);
		assertThat((Integer) JsonPath.read(second.body(), "$.version")).isEqualTo(2);
		assertThat(unit.getJson("/api/v1/systems/" + id + "/plans").body()).contains("方案v2.pdf").contains("方案.pdf");
		HttpResponse<String> download = unit.get("/api/v1/systems/" + id + "/plans/1", "*/*");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).contains("construction-plan-").endsWith(".pdf\""));
	}

	@Test
	void anExecutableRenamedPdfIsRefusedAndNothingIsKept() {
		TestClient unit = TestClient.signedIn(this.port, "unitmember");
		String id = register(unit, "审批系统 " + UUID.randomUUID().toString().substring(0, 6));
		byte[] exe = new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 };
		HttpResponse<String> refused = unit.postMultipart("/api/v1/systems/" + id + "/plans", "file", "plan.pdf", exe);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.errors[0].field")).isEqualTo("file");
		assertThat(unit.getJson("/api/v1/systems/" + id + "/plans").body()).isEqualTo("[]");
	}

	@Test
	void anotherUnitsSystemReadsLikeOneThatDoesNotExist() {
		String id = register(TestClient.signedIn(this.port, "unitmember"),
				"内部系统 " + UUID.randomUUID().toString().substring(0, 6));
		TestClient other = TestClient.signedIn(this.port, "unitadmin2");
		HttpResponse<String> guessed = other.getJson("/api/v1/systems/" + id);
		HttpResponse<String> missing = other.getJson("/api/v1/systems/" + UUID.randomUUID());
		assertThat(guessed.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
		assertThat(other.postMultipart("/api/v1/systems/" + id + "/plans", "file", "p.pdf", PDF).statusCode())
			.isEqualTo(404);
		assertThat(TestClient.signedIn(this.port, "reviewer").getJson("/api/v1/systems/" + id).statusCode())
			.isEqualTo(200);
	}

	static String register(TestClient unit, String name) {
		HttpResponse<String> created = unit.postJson("/api/v1/systems",
				"{\"name\":\"" + name + "\",\"purpose\":\"为群众办理户籍业务\",\"protectionLevel\":3}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JsonPath.read(created.body(), "$.id");
	}

}
