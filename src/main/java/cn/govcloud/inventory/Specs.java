package cn.govcloud.inventory;

import java.util.Map;

import cn.govcloud.catalogue.SpecJson;

import org.springframework.stereotype.Component;

/** Specs stored as JSON ({@link SpecJson}) and what an instance of one is billed for. */
@Component
class Specs {

	private final SpecJson json;

	Specs(SpecJson json) {
		this.json = json;
	}

	Map<String, Object> read(String stored) {
		return this.json.read(stored);
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
		return this.json.write(spec);
	}

}
