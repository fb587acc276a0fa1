package cn.govcloud.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * A resource spec (the catalogue kind's fields and their values) stored as JSON, read
 * back with whole numbers as {@code Long}, as {@link ResourceKinds#check} gives them: the
 * one reader of stored specs, for applications, contracts and instances alike.
 */
@Component
public class SpecJson {

	private static final TypeReference<Map<String, Object>> SPEC = new TypeReference<>() {
	};

	private final JsonMapper json;

	SpecJson(JsonMapper json) {
		this.json = json;
	}

	public Map<String, Object> read(String stored) {
		Map<String, Object> spec = new LinkedHashMap<>(this.json.readValue(stored, SPEC));
		spec.replaceAll((name, value) -> (value instanceof Number number) ? (Object) number.longValue() : value);
		return spec;
	}

	public String write(Map<String, Object> spec) {
		return this.json.writeValueAsString(spec);
	}

}
