package cn.govcloud.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Specs stored as JSON, read back with whole numbers as {@code Long}. */
@Component
class Specs {

	private static final TypeReference<Map<String, Object>> SPEC = new TypeReference<>() {
	};

	private final JsonMapper json;

	Specs(JsonMapper json) {
		this.json = json;
	}

	Map<String, Object> read(String stored) {
		Map<String, Object> spec = new LinkedHashMap<>(this.json.readValue(stored, SPEC));
		spec.replaceAll((name, value) -> (value instanceof Number number) ? (Object) number.longValue() : value);
		return spec;
	}

	String write(Map<String, Object> spec) {
		return this.json.writeValueAsString(spec);
	}

}
