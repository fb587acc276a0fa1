package cn.govcloud;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed values of every shape an input can take: a NUL character, numbers and dates
 * beyond any column, values of the wrong type, texts longer than any field, and bodies
 * that are not what their content type says. Each spoils one input of an otherwise
 * well-formed request.
 */
final class Mutations {

	private static final String MARK = "\u0001MUTANT\u0001";

	private static final String LONG = "x".repeat(100_000);

	private Mutations() {
	}

	/** A value that the server must refuse, as raw JSON, with a label for the report. */
	record Bad(String label, String json) {
	}

	/** Raw JSON values no field of this schema may accept. */
	static List<Bad> forField(JsonNode schema) {
		List<Bad> bad = new ArrayList<>();
		String type = schema.path("type").asString("object");
		String format = schema.path("format").asString("");
		switch (type) {
			case "string" -> {
				bad.add(new Bad("NUL", "\"a\\u0000b\""));
				bad.add(new Bad("object for text", "{}"));
				if (format.equals("date")) {
					bad.add(new Bad("epoch day", "2147483648"));
					bad.add(new Bad("negative epoch day", "-1"));
					bad.add(new Bad("year 999999999", "\"+999999999-12-31\""));
					bad.add(new Bad("30 February", "\"2026-02-30\""));
				}
				else if (format.equals("date-time")) {
					bad.add(new Bad("year 999999999", "\"+999999999-12-31T00:00:00Z\""));
					bad.add(new Bad("huge epoch", "1e20"));
				}
				else if (format.equals("uuid")) {
					bad.add(new Bad("not a uuid", "\"zz\""));
				}
				else if (schema.has("enum")) {
					bad.add(new Bad("unknown enum", "\"NOPE\""));
				}
				else {
					bad.add(new Bad("100,000 characters", "\"" + LONG + "\""));
					bad.add(new Bad("lone surrogate", "\"\\ud800\""));
				}
			}
			case "number" -> {
				bad.add(new Bad("1E+1000000", "1E+1000000"));
				bad.add(new Bad("-1E+1000000", "-1E+1000000"));
				bad.add(new Bad("1E-1000000", "1E-1000000"));
				bad.add(new Bad("1e400", "1e400"));
				bad.add(new Bad("30 digits", "123456789012345678901234567890.5"));
				bad.add(new Bad("text for number", "\"abc\""));
			}
			case "integer" -> {
				bad.add(new Bad("beyond int", "2147483648"));
				bad.add(new Bad("beyond long", "9223372036854775808"));
				bad.add(new Bad("1E+1000000", "1E+1000000"));
				bad.add(new Bad("text for integer", "\"abc\""));
			}
			case "boolean" -> {
				bad.add(new Bad("maybe", "\"maybe\""));
				bad.add(new Bad("number for boolean", "2"));
			}
			case "array" -> {
				bad.add(new Bad("text for list", "\"x\""));
				bad.add(new Bad("null item", "[null]"));
			}
			default -> bad.add(new Bad("list for object", "[]"));
		}
		return bad;
	}

	/**
	 * Every body that spoils exactly one field of {@code skeleton} with each of its bad
	 * values: label → JSON text.
	 */
	static Map<String, String> bodies(ApiSurface api, JsonNode schema, JsonNode skeleton) {
		Map<String, String> bodies = new java.util.LinkedHashMap<>();
		walk(api, schema, skeleton, "", (path, fieldSchema, replace) -> {
			for (Bad bad : forField(fieldSchema)) {
				JsonNode copy = skeleton.deepCopy();
				replace.into(copy);
				String text = ApiSurface.JSON.writeValueAsString(copy).replace("\"" + MARK + "\"", bad.json());
				bodies.put(path + " = " + bad.label(), text);
			}
		});
		return bodies;
	}

	/** Bodies wrong as a whole, whatever the operation: label → bytes. */
	static Map<String, byte[]> wholeBodies(String skeletonJson) {
		Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
		bodies.put("empty body", new byte[0]);
		bodies.put("truncated JSON", "{".getBytes(StandardCharsets.UTF_8));
		bodies.put("list for object", "[]".getBytes(StandardCharsets.UTF_8));
		bodies.put("null", "null".getBytes(StandardCharsets.UTF_8));
		bodies.put("deep nesting", "[".repeat(5000).getBytes(StandardCharsets.UTF_8));
		byte[] utf8 = skeletonJson.replaceFirst("\"x\"", "\"\u0002\"").getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < utf8.length; i++) {
			if (utf8[i] == 2) {
				utf8[i] = (byte) 0xFF;
			}
		}
		bodies.put("invalid UTF-8", utf8);
		return bodies;
	}

	/** Query or path values the server must refuse, by the parameter's schema. */
	static List<String> forParameter(ApiSurface.Parameter parameter) {
		String type = parameter.type();
		String format = parameter.format();
		if (type.equals("array")) {
			return List.of("zz%00", "%00");
		}
		return switch (type) {
			case "integer" -> List.of("2147483648", "-2147483649", "1E5", "%00");
			case "boolean" -> List.of("maybe", "%00");
			default -> switch (format) {
				case "date" -> List.of("%2B999999999-12-31", "99999-01-01", "-1", "0000-01-01", "%00");
				case "uuid" -> List.of("zz", "%00", "x".repeat(3000));
				default -> parameter.schema().has("enum") ? List.of("NOPE", "%00") : List.of("a%00b", "%00");
			};
		};
	}

	private interface Visitor {

		void visit(String path, JsonNode schema, Replacement replace);

	}

	private interface Replacement {

		void into(JsonNode copy);

	}

	private static void walk(ApiSurface api, JsonNode schema, JsonNode node, String path, Visitor visitor) {
		JsonNode resolved = api.resolve(schema);
		if (node instanceof ObjectNode object) {
			for (String name : object.propertyNames()) {
				JsonNode fieldSchema = api.resolve(resolved.path("properties").path(name));
				String fieldPath = path.isEmpty() ? name : path + "." + name;
				visitor.visit(fieldPath, fieldSchema, (copy) -> ((ObjectNode) at(copy, path)).put(name, MARK));
				walk(api, fieldSchema, object.get(name), fieldPath, visitor);
			}
		}
		else if (node instanceof ArrayNode array && !array.isEmpty()) {
			JsonNode itemSchema = api.resolve(resolved.path("items"));
			String itemPath = path + "[0]";
			visitor.visit(itemPath, itemSchema, (copy) -> ((ArrayNode) at(copy, path)).set(0, MARK));
			walk(api, itemSchema, array.get(0), itemPath, visitor);
		}
	}

	/** The node at a path written as {@code a.b[0].c}. */
	private static JsonNode at(JsonNode root, String path) {
		JsonNode node = root;
		if (path.isEmpty()) {
			return node;
		}
		for (String step : path.split("\\.")) {
			String name = step.replaceAll("\\[0]", "");
			if (!name.isEmpty()) {
				node = node.get(name);
			}
			for (int i = step.indexOf("[0]"); i >= 0; i = step.indexOf("[0]", i + 1)) {
				node = node.get(0);
			}
		}
		return node;
	}

}
