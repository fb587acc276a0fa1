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
 */
public record SecretField(String table, String key, String column) {

	public SecretField {
		for (String name : new String[] { table, key, column }) {
			if (!name.matches("[a-z_][a-z0-9_]*")) {
				throw new IllegalArgumentException("Not a plain SQL name: " + name);
			}
		}
	}

	/**
	 * What the ciphertext is bound to: a value copied to another column does not open.
	 */
	String context() {
		return this.table + "." + this.column;
	}

}
