package cn.govcloud.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
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

	/** Distinct specs kept parsed: a city's instances share a few hundred of them. */
	private static final int KEPT = 4096;

	private final JsonMapper json;

	private final ObjectReader reader;

	private final Map<String, Map<String, Object>> parsed = new ConcurrentHashMap<>();

	SpecJson(JsonMapper json) {
		this.json = json;
		this.reader = json.readerFor(SPEC);
	}

	/**
	 * The spec, a map of its own for the caller. Lists of instances read the same few
	 * specs over and over: each distinct text is parsed once (issue 13).
	 */
	public Map<String, Object> read(String stored) {
		Map<String, Object> spec = this.parsed.get(stored);
		if (spec == null) {
			Map<String, Object> read = new LinkedHashMap<>(this.reader.<Map<String, Object>>readValue(stored));
			read.replaceAll((name, value) -> (value instanceof Number number) ? (Object) number.longValue() : value);
			if (this.parsed.size() >= KEPT) {
				this.parsed.clear();
			}
			this.parsed.put(stored, read);
			spec = read;
		}
		return new LinkedHashMap<>(spec);
	}

	public String write(Map<String, Object> spec) {
		return this.json.writeValueAsString(spec);
	}

}
