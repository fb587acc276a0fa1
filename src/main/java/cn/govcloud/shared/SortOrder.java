package cn.govcloud.shared;

/**
 * The order a list was asked for, {@code sort=field,asc|desc}, once its field is known to
 * the list's {@link Sortable}.
 *
 * @param field the field's name as the list's JSON and pages spell it
 * @param ascending ascending or descending
 */
public record SortOrder(String field, boolean ascending) {

	/**
	 * {@code field,asc} or {@code field,desc}: the parameter that asks for this order.
	 */
	public String parameter() {
		return this.field + (this.ascending ? ",asc" : ",desc");
	}

	/** The parameter asking for the same field the other way round: a header's link. */
	public String reversed() {
		return this.field + (this.ascending ? ",desc" : ",asc");
	}

	@Override
	public String toString() {
		return parameter();
	}

}
