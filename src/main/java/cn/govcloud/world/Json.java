package cn.govcloud.world;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON of the flat maps and lists GovCloud stores in jsonb columns. */
final class Json {

	private Json() {
	}

	static String of(Object value) {
		StringBuilder out = new StringBuilder();
		write(out, value);
		return out.toString();
	}

	private static void write(StringBuilder out, Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
			while (entries.hasNext()) {
				Map.Entry<?, ?> entry = entries.next();
				write(out, entry.getKey().toString());
				out.append(':');
				write(out, entry.getValue());
				out.append(entries.hasNext() ? "," : "");
			}
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				out.append(i > 0 ? "," : "");
				write(out, list.get(i));
			}
			out.append(']');
		}
		else {
			out.append('"').append(value.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
	}

}
