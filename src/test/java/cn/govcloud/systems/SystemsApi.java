package cn.govcloud.systems;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import cn.govcloud.TestClient;
import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls of the register's API the integration tests share. */
final class SystemsApi {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	/** The first bytes of a Windows executable. */
	static final byte[] EXE = new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff };

	private SystemsApi() {
	}

	/** The city's date: what "in the future" and "overdue" are judged against. */
	static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Registers a system with a level and no officer; returns its id. */
	static String register(TestClient unit, String name, String status) {
		HttpResponse<String> created = unit.postJson("/api/v1/systems", """
				{"name":"%s","purpose":"测试用途","protectionLevel":2,"hostingStatus":"%s"}""".formatted(name, status));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JsonPath.read(created.body(), "$.id");
	}

	static HttpResponse<String> status(TestClient unit, String id, String json) {
		return unit.postJson("/api/v1/systems/" + id + "/status", json);
	}

	/** Changes the status and fails the test unless it applies. */
	static void move(TestClient unit, String id, String json) {
		HttpResponse<String> moved = status(unit, id, json);
		assertThat(moved.statusCode()).as(moved.body()).isIn(200, 202);
	}

	static String statusOf(TestClient client, String id) {
		return JsonPath.read(client.getJson("/api/v1/systems/" + id).body(), "$.hostingStatus");
	}

	static String field(HttpResponse<String> problem) {
		return JsonPath.read(problem.body(), "$.errors[0].field");
	}

	static String detail(HttpResponse<String> problem) {
		return JsonPath.read(problem.body(), "$.detail");
	}

	/**
	 * Asks for an exemption with a freshly uploaded document; returns the request's id.
	 */
	static String requestExemption(TestClient unit, String id) {
		HttpResponse<String> document = unit.postMultipart("/api/v1/systems/" + id + "/exemption-documents", "file",
				"依据.pdf", PDF);
		assertThat(document.statusCode()).as(document.body()).isEqualTo(201);
		HttpResponse<String> requested = status(unit, id,
				"{\"status\":\"EXEMPT\",\"exemptionBasis\":\"《中华人民共和国保守国家秘密法》第二十三条\"}");
		assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
		return JsonPath.read(requested.body(), "$.id");
	}

}
