package cn.govcloud.catalogue;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.TestClient;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Suppliers of their own for price tests, so the demo supplier's prices stay as seeded.
 */
final class PriceFixtures {

	private final JdbcClient jdbc;

	PriceFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID newSupplier() {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO organization (id, kind, name, created_at) VALUES (:id, 'SUPPLIER', :name, now())")
			.param("id", id)
			.param("name", "价格测试供应商 " + id.toString().substring(0, 8))
			.update();
		return id;
	}

	UUID demoSupplier() {
		return this.jdbc.sql("SELECT id FROM organization WHERE kind = 'SUPPLIER' AND name = '宜兴政务云服务有限公司'")
			.query(UUID.class)
			.single();
	}

	long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	static HttpResponse<String> importList(TestClient manager, UUID supplier, String tender, UUID supersedes,
			byte[] file) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("supplierId", supplier.toString());
		fields.put("tenderNumber", tender);
		fields.put("awardedOn", "2025-12-01");
		if (supersedes != null) {
			fields.put("supersedes", supersedes.toString());
		}
		return manager.postMultipartWithFields("/api/v1/price-lists/import", fields, "file", "prices.xlsx", file);
	}

	/** A JSON price list with one line. */
	static String json(UUID supplier, String tender, String note, String line) {
		return "{\"supplierId\":\"" + supplier + "\",\"tenderNumber\":" + quote(tender)
				+ ",\"awardedOn\":\"2025-12-01\"" + ((note != null) ? ",\"note\":" + quote(note) : "") + ",\"lines\":["
				+ line + "]}";
	}

	static String line(String kind, String dimension, String unit, String price, String from, String to) {
		return "{\"kind\":\"" + kind + "\",\"dimension\":\"" + dimension + "\",\"billingUnit\":\"" + unit
				+ "\",\"unitPrice\":" + price + ",\"effectiveFrom\":\"" + from + "\""
				+ ((to != null) ? ",\"effectiveTo\":\"" + to + "\"" : "") + "}";
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
