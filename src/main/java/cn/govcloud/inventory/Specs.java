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

	/**
	 * What one instance of a spec pays for of a billed dimension (Art. 7): 1 per
	 * instance, else the spec's value of the dimension (0 when it has none).
	 */
	static long unitsPerInstance(Map<String, Object> spec, String dimension) {
		if ("instance".equals(dimension)) {
			return 1;
		}
		return (spec.get(dimension) instanceof Number value) ? value.longValue() : 0;
	}

	String write(Map<String, Object> spec) {
		return this.json.writeValueAsString(spec);
	}

}
