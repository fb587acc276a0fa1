package cn.govcloud.catalogue;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * How a price line's field is named to whoever sent it: {@code lines[3].unitPrice} for a
 * JSON body, the cell {@code rows[12].D} for an Excel sheet.
 */
interface FieldNames {

	/** The JSON names, {@code lines[i].property}. */
	FieldNames JSON = new FieldNames() {

		@Override
		public String field(int line, String property) {
			return "lines[" + line + "]." + property;
		}

		@Override
		public Object line(int line) {
			return new DefaultMessageSourceResolvable(new String[] { "price.ref.line" }, new Object[] { line },
					"lines[" + line + "]");
		}

	};

	/** The name of property {@code property} of line {@code line} (zero-based). */
	String field(int line, String property);

	/**
	 * A line as a message names it to people, e.g. "line 3" or "row 12" in their
	 * language.
	 */
	Object line(int line);

}
