package cn.govcloud.shared.web;

/**
 * The OpenAPI descriptions of the parameters every list API shares (ADR 0017). A list's
 * {@code sort} description is {@link #SORT} followed by its fields, comma-separated, and
 * a full stop: the fields are those of the list's items.
 */
public final class ListParameters {

	/** The start of every {@code sort} description. */
	public static final String SORT = "field,asc or field,desc (just field: ascending); without it, the list's"
			+ " default order; an unknown field or direction is refused (400 naming sort). Sortable by: ";

	public static final String PAGE = "zero-based; below 0 reads as 0";

	public static final String SIZE = "1 to 200; a larger size is capped at 200 (a smaller one reads as 1),"
			+ " and the answer's size is the size used";

	private ListParameters() {
	}

}
