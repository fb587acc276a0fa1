package cn.govcloud.servicedesk;

import java.util.Locale;

import cn.govcloud.shared.InvalidInputException;

/**
 * The orders a ticket list may be sorted in: {@code sort=field,asc|desc} over the visible
 * columns; anything else is refused naming {@code sort}. Newest first by default.
 */
public record TicketSort(Field field, boolean ascending) {

	public static final TicketSort NEWEST = new TicketSort(Field.OPENED, false);

	public static TicketSort parse(String text) {
		if (text == null || text.isBlank()) {
			return NEWEST;
		}
		String[] parts = text.split(",", -1);
		Field field = Field.named(parts[0].strip());
		String direction = (parts.length > 1) ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
		if (field == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
			throw InvalidInputException.of("sort", "list.sort.unknown", text);
		}
		return new TicketSort(field, direction.equals("asc"));
	}

	String sql() {
		return this.field.column + (this.ascending ? " ASC" : " DESC") + ", t.id";
	}

	/** {@code opened,desc}: how the sort is written in a link. */
	public String value() {
		return this.field.name + "," + (this.ascending ? "asc" : "desc");
	}

	/** The sortable columns, by the names the API and links use. */
	public enum Field {

		NUMBER("number", "t.number"), PRIORITY("priority", "t.priority"), STATUS("status", "t.status"),
		TITLE("title", "t.title"), SYSTEM("system", "t.system_name"), UNIT("unit", "u.name"),
		OPENED("opened", "t.opened_at");

		private final String name;

		private final String column;

		Field(String name, String column) {
			this.name = name;
			this.column = column;
		}

		public String label() {
			return this.name;
		}

		static Field named(String name) {
			for (Field field : values()) {
				if (field.name.equals(name)) {
					return field;
				}
			}
			return null;
		}

	}

}
