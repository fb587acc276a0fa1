package cn.govcloud.shared;

import java.util.List;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Brings every {@link SecretField} under the cipher (ADR 0033): plaintext left from
 * before encryption existed is sealed at each start, and a rotation re-encrypts every
 * value under the current key. Each value is replaced only if it is still what was read,
 * so nodes starting together never seal a value twice.
 */
@Component
public class FieldEncryption {

	private static final Logger logger = LoggerFactory.getLogger(FieldEncryption.class);

	private final JdbcClient jdbc;

	private final ObjectProvider<SecretFields> modules;

	private final FieldCipher cipher;

	FieldEncryption(JdbcClient jdbc, ObjectProvider<SecretFields> modules, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.modules = modules;
		this.cipher = cipher;
	}

	/**
	 * The same fields under another cipher: a rotation to keys this node does not hold
	 * yet.
	 */
	public FieldEncryption with(FieldCipher other) {
		return new FieldEncryption(this.jdbc, this.modules, other);
	}

	/** Every module's encrypted columns. */
	public List<SecretField> fields() {
		return this.modules.orderedStream().flatMap((m) -> m.secretFields().stream()).toList();
	}

	/**
	 * Before anything reads an encrypted field: one value of every field under every key
	 * it names must open, or GovCloud stops with one message naming the key's source (a
	 * database started with another data directory's key file, say).
	 * @throws KeyMismatchException naming the field, the key id and the key source
	 */
	@EventListener(ApplicationStartedEvent.class)
	@Order(0)
	public void checkKeys() {
		for (SecretField field : fields()) {
			String select = "SELECT DISTINCT ON (split_part(" + field.column() + ", ':', 2)) " + field.column()
					+ " FROM " + field.table() + " WHERE " + field.column() + " LIKE 'sm4:%' ORDER BY split_part("
					+ field.column() + ", ':', 2)";
			for (String stored : this.jdbc.sql(select).query(String.class).list()) {
				try {
					this.cipher.open(field, stored);
				}
				catch (IllegalStateException | IllegalArgumentException ex) {
					throw new KeyMismatchException(field, stored.split(":", 3)[1], this.cipher.source(), ex);
				}
			}
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void sealAtStart() {
		int sealed = sealPlaintext();
		if (sealed > 0) {
			logger.info("Sealed {} plaintext values of encrypted fields with SM4", sealed);
		}
		int indexed = reindex();
		if (indexed > 0) {
			logger.info("Made {} blind indexes of encrypted fields under the current key", indexed);
		}
	}

	/**
	 * Makes the blind index of every searchable field's value that has none, or one under
	 * an older key, and clears the index of a value now null (ADR 0037). Each row is
	 * changed only if its value is still what was read.
	 * @return how many indexes were written
	 */
	public int reindex() {
		int count = 0;
		for (SecretField field : fields()) {
			if (field.index() == null) {
				continue;
			}
			String current = KeyedSm3.PREFIX + this.cipher.currentKeyId() + ":%";
			String select = "SELECT " + field.key() + ", " + field.column() + " FROM " + field.table() + " WHERE ("
					+ field.column() + " IS NOT NULL AND (" + field.index() + " IS NULL OR " + field.index()
					+ " NOT LIKE '" + current + "')) OR (" + field.column() + " IS NULL AND " + field.index()
					+ " IS NOT NULL)";
			String update = "UPDATE " + field.table() + " SET " + field.index() + " = :index WHERE " + field.key()
					+ " = :key AND " + field.column() + " IS NOT DISTINCT FROM :old";
			List<Object[]> rows = this.jdbc.sql(select)
				.query((rs, n) -> new Object[] { rs.getObject(1), rs.getString(2) })
				.list();
			for (Object[] row : rows) {
				String stored = (String) row[1];
				String index = (stored != null) ? this.cipher.index(field, this.cipher.open(field, stored)) : null;
				count += this.jdbc.sql(update).param("index", index).param("key", row[0]).param("old", stored).update();
			}
		}
		return count;
	}

	/**
	 * Seals the values still in plaintext.
	 * @return how many were sealed
	 */
	public int sealPlaintext() {
		return replace("NOT LIKE 'sm4:%'", (field, stored) -> this.cipher.seal(field, stored));
	}

	/**
	 * Re-encrypts every value not sealed with the current key, plaintext included.
	 * @return how many were re-encrypted
	 */
	public int reencrypt() {
		String current = this.cipher.currentKeyId();
		return replace("NOT LIKE 'sm4:" + current + ":%'",
				(field, stored) -> this.cipher.seal(field, this.cipher.open(field, stored)));
	}

	private int replace(String condition, BiFunction<SecretField, String, String> change) {
		int count = 0;
		for (SecretField field : fields()) {
			String select = "SELECT " + field.key() + ", " + field.column() + " FROM " + field.table() + " WHERE "
					+ field.column() + " IS NOT NULL AND " + field.column() + " " + condition;
			String update = "UPDATE " + field.table() + " SET " + field.column() + " = :value WHERE " + field.key()
					+ " = :key AND " + field.column() + " = :old";
			List<Object[]> rows = this.jdbc.sql(select)
				.query((rs, n) -> new Object[] { rs.getObject(1), rs.getString(2) })
				.list();
			for (Object[] row : rows) {
				String old = (String) row[1];
				count += this.jdbc.sql(update)
					.param("value", change.apply(field, old))
					.param("key", row[0])
					.param("old", old)
					.update();
			}
		}
		return count;
	}

}
