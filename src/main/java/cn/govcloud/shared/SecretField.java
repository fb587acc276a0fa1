package cn.govcloud.shared;

/**
 * A column whose values are kept SM4-encrypted at rest (issue 19, ADR 0033): personal and
 * secret fields GovCloud must be able to read back. The module that owns the table
 * declares it (a {@link SecretFields} bean) so that sealing old plaintext and
 * re-encrypting under a new key reach every such column.
 *
 * @param table the table
 * @param key its primary-key column
 * @param column the encrypted column
 * @param index the column of its blind index ({@link FieldCipher#index}), kept by
 * {@link FieldEncryption}, for an exact search by the field; null when nobody searches by
 * it
 */
public record SecretField(String table, String key, String column, String index) {

	public SecretField {
		for (String name : new String[] { table, key, column, (index != null) ? index : "none" }) {
			if (!name.matches("[a-z_][a-z0-9_]*")) {
				throw new IllegalArgumentException("Not a plain SQL name: " + name);
			}
		}
	}

	/** A field nobody searches by. */
	public SecretField(String table, String key, String column) {
		this(table, key, column, null);
	}

	/**
	 * What the ciphertext is bound to: a value copied to another column does not open.
	 */
	String context() {
		return this.table + "." + this.column;
	}

}
