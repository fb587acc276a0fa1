package cn.govcloud.systems;

import java.net.http.HttpResponse;
import java.util.List;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static cn.govcloud.TestClient.race;
import static cn.govcloud.systems.SystemsApi.EXE;
import static cn.govcloud.systems.SystemsApi.PDF;
import static cn.govcloud.systems.SystemsApi.detail;
import static cn.govcloud.systems.SystemsApi.field;
import static cn.govcloud.systems.SystemsApi.move;
import static cn.govcloud.systems.SystemsApi.register;
import static cn.govcloud.systems.SystemsApi.requestExemption;
import static cn.govcloud.systems.SystemsApi.status;
import static cn.govcloud.systems.SystemsApi.statusOf;
import static cn.govcloud.systems.SystemsApi.today;
import static cn.govcloud.systems.SystemsApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exemptions from migration (Art. 3): the unit asks with the legal basis and a document,
 * the Commission grants or refuses.
 */
@GovCloudIntegrationTest
class ExemptionIntegrationTests {

	static final String BASIS = "{\"status\":\"EXEMPT\",\"exemptionBasis\":\"《中华人民共和国保守国家秘密法》第二十三条\"}";

	@LocalServerPort
	int port;

	@Test
	void anExemptionNeedsTheLegalBasisAndADocumentAndTheCommissionGrantsIt() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		String id = register(unit, unique("涉密办公系统"), "LEGACY_SELF_HOSTED");
		HttpResponse<String> bare = status(unit, id, "{\"status\":\"EXEMPT\"}");
		assertThat(bare.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(bare.body(), "$.errors[*].field")).containsExactly("exemptionBasis",
				"file");
		HttpResponse<String> noDocument = status(unit, id, BASIS);
		assertThat(noDocument.statusCode()).isEqualTo(400);
		assertThat(field(noDocument)).isEqualTo("file");

		HttpResponse<String> document = unit.postMultipart("/api/v1/systems/" + id + "/exemption-documents", "file",
				"保密批复.pdf", PDF);
		assertThat(document.statusCode()).as(document.body()).isEqualTo(201);
		assertThat((Integer) JsonPath.read(document.body(), "$.version")).isEqualTo(1);
		HttpResponse<String> requested = status(unit, id, BASIS);
		assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
		assertThat((String) JsonPath.read(requested.body(), "$.state")).isEqualTo("PENDING");
		assertThat((Integer) JsonPath.read(requested.body(), "$.documentVersion")).isEqualTo(1);
		assertThat(statusOf(unit, id)).as("stays self-hosted until the Commission decides")
			.isEqualTo("LEGACY_SELF_HOSTED");
		assertThat(status(unit, id, BASIS).statusCode()).as("one pending request at a time").isEqualTo(409);

		String request = JsonPath.read(requested.body(), "$.id");
		String grant = "/api/v1/systems/" + id + "/exemptions/" + request + "/grant";
		assertThat(unit.postJson(grant, "{}").statusCode()).as("a unit does not grant itself").isEqualTo(403);
		TestClient reviewer = TestClient.signedIn(this.port, "reviewer");
		assertThat(reviewer.getJson("/api/v1/systems/exemptions/pending").body()).contains(request);
		HttpResponse<String> granted = reviewer.postJson(grant, "{\"reason\":\"依据充分\"}");
		assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(granted.body(), "$.state")).isEqualTo("GRANTED");
		assertThat((String) JsonPath.read(granted.body(), "$.decidedBy")).isEqualTo("审核员 王敏");

		String system = unit.getJson("/api/v1/systems/" + id).body();
		assertThat((String) JsonPath.read(system, "$.hostingStatus")).isEqualTo("EXEMPT");
		assertThat((String) JsonPath.read(system, "$.exemptionBasis")).contains("保守国家秘密法");
		String history = unit.getJson("/api/v1/systems/" + id + "/status-history").body();
		assertThat((String) JsonPath.read(history, "$[0].to")).isEqualTo("EXEMPT");
		assertThat((String) JsonPath.read(history, "$[0].actor")).isEqualTo("审核员 王敏");
		assertThat(reviewer.getJson("/api/v1/systems/exemptions/pending").body()).doesNotContain(request);

		// Exempt, the unit may still migrate, or the exemption is lifted.
		move(unit, id, "{\"status\":\"LEGACY_SELF_HOSTED\",\"reason\":\"保密要求已调整\"}");
		assertThat(unit.getJson("/api/v1/systems/" + id).body()).doesNotContain("exemptionBasis");
	}

	@Test
	void anExecutableRenamedPdfIsNoExemptionDocument() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		String id = register(unit, unique("伪装文件"), "LEGACY_SELF_HOSTED");
		HttpResponse<String> refused = unit.postMultipart("/api/v1/systems/" + id + "/exemption-documents", "file",
				"批复.pdf", EXE);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(field(refused)).isEqualTo("file");
		assertThat(detail(refused)).contains(".pdf");
		assertThat(unit.getJson("/api/v1/systems/" + id + "/exemption-documents").body()).isEqualTo("[]");
		assertThat(field(status(unit, id, BASIS))).isEqualTo("file");
	}

	@Test
	void theCommissionRefusesWithAReasonAndTheUnitMayAskAgain() {
		TestClient unit = TestClient.signedIn(this.port, "unitmember");
		String id = register(unit, unique("档案系统"), "LEGACY_SELF_HOSTED");
		String request = requestExemption(unit, id);
		TestClient manager = TestClient.signedIn(this.port, "manager");
		String refuse = "/api/v1/systems/" + id + "/exemptions/" + request + "/refuse";
		HttpResponse<String> noReason = manager.postJson(refuse, "{}");
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(field(noReason)).isEqualTo("reason");
		assertThat(field(manager.postJson(refuse, "{\"reason\":\"" + "长".repeat(501) + "\"}"))).isEqualTo("reason");
		HttpResponse<String> refused = manager.postJson(refuse, "{\"reason\":\"所引文件不适用于本系统\"}");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(refused.body(), "$.state")).isEqualTo("REFUSED");
		assertThat(statusOf(unit, id)).isEqualTo("LEGACY_SELF_HOSTED");
		assertThat(status(unit, id, BASIS).statusCode()).isEqualTo(202);
		assertThat(
				JsonPath.<List<String>>read(unit.getJson("/api/v1/systems/" + id + "/exemptions").body(), "$[*].state"))
			.containsExactly("PENDING", "REFUSED");
	}

	@Test
	void ofTwoDecisionsAtOnceOneWinsAndTheOtherIsToldWhoDecided() throws Exception {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		TestClient reviewer = TestClient.signedIn(this.port, "reviewer");
		TestClient manager = TestClient.signedIn(this.port, "manager");
		String id = register(unit, unique("双审系统"), "LEGACY_SELF_HOSTED");
		String path = "/api/v1/systems/" + id + "/exemptions/" + requestExemption(unit, id);
		List<HttpResponse<String>> answers = race(() -> reviewer.postJson(path + "/grant", "{}"),
				() -> manager.postJson(path + "/refuse", "{\"reason\":\"不符合条件\"}"));
		assertThat(answers.stream().map(HttpResponse::statusCode).toList()).containsExactlyInAnyOrder(200, 409);
		boolean granted = answers.get(0).statusCode() == 200;
		HttpResponse<String> loser = answers.get(granted ? 1 : 0);
		assertThat(detail(loser)).contains(granted ? "审核员 王敏" : "经信委主管 李强").contains(granted ? "已批准" : "不予批准");
		assertThat(statusOf(unit, id)).isEqualTo(granted ? "EXEMPT" : "LEGACY_SELF_HOSTED");
	}

	@Test
	void leavingSelfHostingWithdrawsAPendingRequest() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		String id = register(unit, unique("撤回系统"), "LEGACY_SELF_HOSTED");
		String request = requestExemption(unit, id);
		move(unit, id, "{\"status\":\"MIGRATING\",\"targetDate\":\"" + today().plusMonths(6) + "\"}");
		assertThat((String) JsonPath.read(unit.getJson("/api/v1/systems/" + id + "/exemptions").body(), "$[0].state"))
			.isEqualTo("WITHDRAWN");
		HttpResponse<String> late = TestClient.signedIn(this.port, "reviewer")
			.postJson("/api/v1/systems/" + id + "/exemptions/" + request + "/grant", "{}");
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(detail(late)).contains("已撤回");
		assertThat(statusOf(unit, id)).isEqualTo("MIGRATING");
	}

	@Test
	void aRequestReliesOnTheDocumentVersionItNames() {
		TestClient unit = TestClient.signedIn(this.port, "unitadmin");
		String id = register(unit, unique("版本系统"), "LEGACY_SELF_HOSTED");
		for (String name : List.of("v1.pdf", "v2.pdf")) {
			unit.postMultipart("/api/v1/systems/" + id + "/exemption-documents", "file", name, PDF);
		}
		HttpResponse<String> unknown = status(unit, id,
				"{\"status\":\"EXEMPT\",\"exemptionBasis\":\"依据\",\"documentVersion\":7}");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(field(unknown)).isEqualTo("documentVersion");
		HttpResponse<String> first = status(unit, id,
				"{\"status\":\"EXEMPT\",\"exemptionBasis\":\"依据\",\"documentVersion\":1}");
		assertThat((Integer) JsonPath.read(first.body(), "$.documentVersion")).isEqualTo(1);
		HttpResponse<byte[]> download = unit.getBytes("/api/v1/systems/" + id + "/exemption-documents/1");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(PDF);
		assertThat(download.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).contains("exemption-document-").endsWith("-v1.pdf\""));
		assertThat(statusOf(unit, id)).isEqualTo("LEGACY_SELF_HOSTED");
	}

}
