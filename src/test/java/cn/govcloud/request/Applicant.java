package cn.govcloud.request;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/** A unit user with a fresh system and plan, ready to apply. */
final class Applicant {

	static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final String HOST = "{\"kind\":\"CLOUD_HOST\",\"spec\":{\"vcpu\":8,\"memoryGib\":32,\"systemDiskGib\":100,\"os\":\"麒麟 Kylin\"},\"quantity\":%s,\"justification\":\"业务高峰需要\"}";

	static final String STORAGE = "{\"kind\":\"CLOUD_STORAGE\",\"spec\":{\"storageType\":\"块存储 block\",\"capacityGib\":500},\"quantity\":1,\"justification\":\"存放业务数据\"}";

	final TestClient client;

	final String systemId;

	Applicant(int port, String username) {
		this.client = TestClient.signedIn(port, username);
		HttpResponse<String> system = this.client.postJson("/api/v1/systems", "{\"name\":\"申请测试系统 "
				+ UUID.randomUUID().toString().substring(0, 8) + "\",\"purpose\":\"测试资源申请\",\"protectionLevel\":2}");
		assertThat(system.statusCode()).as(system.body()).isEqualTo(201);
		this.systemId = JsonPath.read(system.body(), "$.id");
		HttpResponse<String> plan = this.client.postMultipart("/api/v1/systems/" + this.systemId + "/plans", "file",
				"建设方案.pdf", PDF);
		assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
	}

	HttpResponse<String> draft(String... lines) {
		return this.client.postJson("/api/v1/applications", body(lines));
	}

	String body(String... lines) {
		return "{\"systemId\":\"" + this.systemId + "\",\"planVersion\":1,\"summary\":\"测试\",\"lines\":["
				+ String.join(",", lines) + "]}";
	}

	/** Drafts and submits; the application's id. */
	String submitted(String... lines) {
		HttpResponse<String> draft = draft(lines);
		assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
		String id = JsonPath.read(draft.body(), "$.id");
		HttpResponse<String> submitted = this.client.postJson("/api/v1/applications/" + id + "/submit", "{}");
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		return id;
	}

	static String host(int quantity) {
		return HOST.formatted(quantity);
	}

}
