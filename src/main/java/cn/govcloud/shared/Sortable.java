package cn.govcloud.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields one list may be sorted by, each mapped to its SQL expression, and the list's
 * default order. A {@code sort} parameter is only ever looked up here: user input never
 * reaches the SQL, an unknown field or direction is refused naming {@code sort} and the
 * value.
 */
public final class Sortable {

	private final Map<String, String> columns;

	private final String defaultOrder;

	private final String tieBreaker;

	private Sortable(Map<String, String> columns, String defaultOrder, String tieBreaker) {
		this.columns = Collections.unmodifiableMap(columns);
		this.defaultOrder = defaultOrder;
		this.tieBreaker = tieBreaker;
	}

	/**
	 * A list ordered by {@code defaultOrder} (SQL) unless asked otherwise; rows equal in
	 * the asked field keep a stable order by {@code tieBreaker} (a unique column).
	 */
	public static Sortable by(String defaultOrder, String tieBreaker) {
		return new Sortable(new LinkedHashMap<>(), defaultOrder, tieBreaker);
	}

	/** The same list, also sortable by {@code field} through the SQL {@code column}. */
	public Sortable field(String field, String column) {
		Map<String, String> more = new LinkedHashMap<>(this.columns);
		more.put(field, column);
		return new Sortable(more, this.defaultOrder, this.tieBreaker);
	}

	public Set<String> fields() {
		return this.columns.keySet();
	}

	/**
	 * {@code field,asc}, {@code field,desc} or just {@code field} (ascending); blank is
	 * the default order ({@code null}).
	 * @throws InvalidInputException naming {@code sort} for any other value
	 */
	public SortOrder parse(String sort) {
		if (sort == null || sort.isBlank()) {
			return null;
		}
		String[] parts = sort.strip().split(",", -1);
		String field = parts[0].strip();
		String direction = (parts.length > 1) ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
		if (parts.length > 2 || !this.columns.containsKey(field)) {
			throw InvalidInputException.of("sort", "error.sort.field", shown(sort), String.join(", ", fields()));
		}
		if (!direction.equals("asc") && !direction.equals("desc")) {
			throw InvalidInputException.of("sort", "error.sort.direction", shown(sort));
		}
		return new SortOrder(field, direction.equals("asc"));
	}

	/**
	 * The SQL after {@code ORDER BY}: only whitelisted columns, empty values last either
	 * way.
	 */
	public String orderBy(SortOrder order) {
		if (order == null) {
			return this.defaultOrder;
		}
		return this.columns.get(order.field()) + (order.ascending() ? " ASC" : " DESC") + " NULLS LAST, "
				+ this.tieBreaker;
	}

	/** A refused value in a message: bounded, whatever was sent. */
	private static String shown(String value) {
		return (value.length() > 60) ? value.substring(0, 60) + "…" : value;
	}

}
