package cn.govcloud;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of GovCloud's OpenAPI document, each with a well-formed skeleton of its
 * inputs (a body that parses, a value for every parameter) that the malformed-input test
 * spoils one input at a time.
 */
final class ApiSurface {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final JsonNode document;

	ApiSurface(String openApiJson) {
		this.document = JSON.readTree(openApiJson);
	}

	List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : this.document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
				operations.add(operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
			}
		}
		return operations;
	}

	private Operation operation(String method, String path, JsonNode op) {
		List<Parameter> parameters = new ArrayList<>();
		for (JsonNode parameter : iterable(op.path("parameters"))) {
			parameters.add(new Parameter(parameter.get("name").asString(), parameter.get("in").asString(),
					resolve(parameter.get("schema"))));
		}
		String contentType = null;
		JsonNode body = null;
		Iterator<Map.Entry<String, JsonNode>> contents = op.path("requestBody").path("content").properties().iterator();
		if (contents.hasNext()) {
			Map.Entry<String, JsonNode> content = contents.next();
			contentType = content.getKey();
			body = resolve(content.getValue().get("schema"));
		}
		return new Operation(method, path, parameters, contentType, body);
	}

	/** A schema with its {@code $ref} followed. */
	JsonNode resolve(JsonNode schema) {
		if (schema == null) {
			return NODES.objectNode();
		}
		if (schema.has("$ref")) {
			String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
			return resolve(this.document.path("components").path("schemas").get(name));
		}
		return schema;
	}

	/** A value of {@code schema} that parses: the smallest well-formed input. */
	JsonNode skeleton(JsonNode schema, int depth) {
		JsonNode resolved = resolve(schema);
		String type = resolved.path("type").asString("object");
		return switch (type) {
			case "string" -> NODES.stringNode(sampleText(resolved));
			case "integer" -> NODES.numberNode(1);
			case "number" -> NODES.numberNode(1);
			case "boolean" -> NODES.booleanNode(false);
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				if (depth < 4) {
					array.add(skeleton(resolved.path("items"), depth + 1));
				}
				yield array;
			}
			default -> {
				ObjectNode object = NODES.objectNode();
				if (depth < 4) {
					for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
						object.set(property.getKey(), skeleton(property.getValue(), depth + 1));
					}
				}
				yield object;
			}
		};
	}

	/** A well-formed text for a parameter or field of this schema. */
	static String sampleText(JsonNode schema) {
		if (schema.has("enum")) {
			return schema.get("enum").get(0).asString();
		}
		return switch (schema.path("format").asString("")) {
			case "date" -> "2026-12-01";
			case "date-time" -> "2026-12-01T08:00:00Z";
			case "uuid" -> "9f3c1a52-7d4e-4b8a-9c61-2f0e5d7a3b14";
			case "binary" -> "x";
			default -> switch (schema.path("type").asString("string")) {
				case "integer", "number" -> "1";
				case "boolean" -> "false";
				default -> "x";
			};
		};
	}

	private static Iterable<JsonNode> iterable(JsonNode node) {
		return node::iterator;
	}

	record Parameter(String name, String in, JsonNode schema) {

		String type() {
			return this.schema.path("type").asString("string");
		}

		String format() {
			return this.schema.path("format").asString("");
		}

	}

	record Operation(String method, String path, List<Parameter> parameters, String contentType, JsonNode body) {

		boolean multipart() {
			return "multipart/form-data".equals(this.contentType);
		}

		boolean json() {
			return "application/json".equals(this.contentType);
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
