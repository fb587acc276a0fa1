package cn.govcloud.systems;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.AttachedFiles.StoredFile;
import cn.govcloud.shared.DocumentType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The documents of a system (construction plans, exemption documents, the evidence of a
 * terminated system's data backup): checked by content, up to
 * {@code govcloud.attachments.max-size} (default 50 MB), versioned per purpose and kept
 * in the database so a database backup contains them. Never replaced or deleted.
 */
@Component
class SystemDocuments {

	/** What a document is for; the {@code system_document.purpose} column. */
	enum Purpose {

		CONSTRUCTION_PLAN("construction-plan"), EXEMPTION("exemption-document"), BACKUP_EVIDENCE("backup-evidence");

		private final String downloadPrefix;

		Purpose(String downloadPrefix) {
			this.downloadPrefix = downloadPrefix;
		}

	}

	private final JdbcClient jdbc;

	private final DataSize maxSize;

	SystemDocuments(JdbcClient jdbc, @Value("${govcloud.attachments.max-size:50MB}") DataSize maxSize) {
		this.jdbc = jdbc;
		this.maxSize = maxSize;
	}

	/**
	 * The type of an upload, or the reason it is refused: empty, over the limit, not one
	 * of our types, or content that is not what the name says (an executable renamed
	 * {@code .pdf}).
	 */
	DocumentType check(String fileName, byte[] content) {
		return DocumentType.checked(fileName, content, this.maxSize);
	}

	/**
	 * Checks and stores the next version of a system's document of this purpose. Locks
	 * the system's row, so concurrent uploads get consecutive versions.
	 */
	StoredDocument store(UUID systemId, Purpose purpose, String fileName, byte[] content, UUID uploadedBy) {
		DocumentType type = check(fileName, content);
		this.jdbc.sql("SELECT id FROM application_system WHERE id = :id FOR UPDATE")
			.param("id", systemId)
			.query()
			.listOfRows();
		int version = this.jdbc.sql(
				"SELECT coalesce(max(version), 0) + 1 FROM system_document WHERE system_id = :system AND purpose = :purpose")
			.param("system", systemId)
			.param("purpose", purpose.name())
			.query(Integer.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO system_document (id, system_id, purpose, version, file_name, content_type, size_bytes,
				                             sha256, content, uploaded_by, uploaded_at)
				VALUES (:id, :system, :purpose, :version, :fileName, :contentType, :size, :sha256, :content, :by, :at)
				""")
			.param("id", UUID.randomUUID())
			.param("system", systemId)
			.param("purpose", purpose.name())
			.param("version", version)
			.param("fileName", cleanName(fileName))
			.param("contentType", type.contentType())
			.param("size", content.length)
			.param("sha256", sha256(content))
			.param("content", content)
			.param("by", uploadedBy)
			.param("at", Timestamp.from(Instant.now()))
			.update();
		return find(systemId, purpose, version).orElseThrow();
	}

	/** Every version, newest first. */
	List<StoredDocument> list(UUID systemId, Purpose purpose) {
		return this.jdbc.sql(SELECT + " WHERE d.system_id = :system AND d.purpose = :purpose ORDER BY d.version DESC")
			.param("system", systemId)
			.param("purpose", purpose.name())
			.query(SystemDocuments::map)
			.list();
	}

	Optional<StoredDocument> find(UUID systemId, Purpose purpose, int version) {
		return this.jdbc.sql(SELECT + " WHERE d.system_id = :system AND d.purpose = :purpose AND d.version = :version")
			.param("system", systemId)
			.param("purpose", purpose.name())
			.param("version", version)
			.query(SystemDocuments::map)
			.optional();
	}

	/** The newest version, if any. */
	Optional<StoredDocument> latest(UUID systemId, Purpose purpose) {
		return list(systemId, purpose).stream().findFirst();
	}

	/** The bytes of a stored document, under a server-chosen file name. */
	StoredFile download(StoredDocument document, Purpose purpose) {
		byte[] content = this.jdbc.sql("SELECT content FROM system_document WHERE id = :id")
			.param("id", document.id())
			.query(byte[].class)
			.single();
		DocumentType type = DocumentType.byName(document.fileName()).orElse(DocumentType.PDF);
		// A server-chosen name: never the uploaded one, which may carry paths or tricks.
		String name = purpose.downloadPrefix + "-" + document.systemId().toString().substring(0, 8) + "-v"
				+ document.version() + "." + type.extension();
		return new StoredFile(name, document.contentType(), content);
	}

	private static String cleanName(String fileName) {
		String base = fileName.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "");
		return (base.length() > 200) ? base.substring(base.length() - 200) : base;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final String SELECT = """
			SELECT d.id, d.system_id, d.version, d.file_name, d.content_type, d.size_bytes, d.sha256, d.uploaded_at,
			       u.display_name AS uploaded_by
			FROM system_document d JOIN app_user u ON u.id = d.uploaded_by
			""";

	private static StoredDocument map(ResultSet rs, int row) throws SQLException {
		return new StoredDocument(rs.getObject("id", UUID.class), rs.getObject("system_id", UUID.class),
				rs.getInt("version"), rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
				rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by"));
	}

	/** One stored version of a document, without its bytes. */
	record StoredDocument(UUID id, UUID systemId, int version, String fileName, String contentType, long sizeBytes,
			String sha256, Instant uploadedAt, String uploadedBy) {

		PlanVersion asPlanVersion() {
			return new PlanVersion(this.id, this.systemId, this.version, this.fileName, this.contentType,
					this.sizeBytes, this.sha256, this.uploadedAt, this.uploadedBy);
		}

		BackupEvidence.Evidence asEvidence() {
			return new BackupEvidence.Evidence(this.systemId, this.version, this.fileName, this.contentType,
					this.sizeBytes, this.sha256);
		}

		ExemptionDocument asExemptionDocument() {
			return new ExemptionDocument(this.id, this.systemId, this.version, this.fileName, this.contentType,
					this.sizeBytes, this.sha256, this.uploadedAt, this.uploadedBy);
		}

	}

}
