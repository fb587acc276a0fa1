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

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Construction plans (Art. 6) as versioned attachments of a system: PDF, DOCX, XLSX, PNG
 * or JPG, checked by content, up to {@code govcloud.attachments.max-size} (default 50
 * MB). Kept in the database so a database backup contains them; never replaced, only
 * followed by a new version.
 */
@Service
public class ConstructionPlans {

	static final String PURPOSE = "CONSTRUCTION_PLAN";

	private final JdbcClient jdbc;

	private final ApplicationSystems systems;

	private final AuditTrail audit;

	private final DataSize maxSize;

	ConstructionPlans(JdbcClient jdbc, ApplicationSystems systems, AuditTrail audit,
			@Value("${govcloud.attachments.max-size:50MB}") DataSize maxSize) {
		this.jdbc = jdbc;
		this.systems = systems;
		this.audit = audit;
		this.maxSize = maxSize;
	}

	/**
	 * Adds the next version of a system's plan; the caller's unit must own the system.
	 */
	@Transactional
	public PlanVersion upload(DataScope scope, UUID systemId, String fileName, byte[] content) {
		ApplicationSystem system = this.systems.findWritable(scope, systemId);
		DocumentType type = checkedType(fileName, content);
		this.jdbc.sql("SELECT id FROM application_system WHERE id = :id FOR UPDATE")
			.param("id", systemId)
			.query()
			.listOfRows();
		int version = this.jdbc
			.sql("""
					SELECT coalesce(max(version), 0) + 1 FROM system_document WHERE system_id = :system AND purpose = :purpose
					""")
			.param("system", systemId)
			.param("purpose", PURPOSE)
			.query(Integer.class)
			.single();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO system_document (id, system_id, purpose, version, file_name, content_type, size_bytes,
				                             sha256, content, uploaded_by, uploaded_at)
				VALUES (:id, :system, :purpose, :version, :fileName, :contentType, :size, :sha256, :content, :by, :at)
				""")
			.param("id", id)
			.param("system", systemId)
			.param("purpose", PURPOSE)
			.param("version", version)
			.param("fileName", cleanName(fileName))
			.param("contentType", type.contentType())
			.param("size", content.length)
			.param("sha256", sha256(content))
			.param("content", content)
			.param("by", scope.principal().userId())
			.param("at", Timestamp.from(Instant.now()))
			.update();
		this.audit.record("system.plan.upload", ApplicationSystems.describe(systemId, system.name()),
				AuditOutcome.SUCCESS, "version " + version + ", " + content.length + " bytes");
		return version(systemId, version).orElseThrow();
	}

	/** Every version of a system's plan, newest first. */
	public List<PlanVersion> versions(DataScope scope, UUID systemId) {
		this.systems.find(scope, systemId);
		return this.jdbc.sql(SELECT + " WHERE d.system_id = :system AND d.purpose = :purpose ORDER BY d.version DESC")
			.param("system", systemId)
			.param("purpose", PURPOSE)
			.query(ConstructionPlans::map)
			.list();
	}

	/**
	 * One version, unscoped, for other modules' checks (e.g. an application names the
	 * version it relies on).
	 */
	public Optional<PlanVersion> version(UUID systemId, int version) {
		return this.jdbc.sql(SELECT + " WHERE d.system_id = :system AND d.purpose = :purpose AND d.version = :version")
			.param("system", systemId)
			.param("purpose", PURPOSE)
			.param("version", version)
			.query(ConstructionPlans::map)
			.optional();
	}

	/** The bytes of one version, for download; out of scope reads as "not found". */
	public Download download(DataScope scope, UUID systemId, int version) {
		ApplicationSystem system = this.systems.find(scope, systemId);
		PlanVersion plan = version(systemId, version).orElseThrow(() -> new NotFoundException("plan", version));
		byte[] content = this.jdbc.sql("SELECT content FROM system_document WHERE id = :id")
			.param("id", plan.id())
			.query(byte[].class)
			.single();
		DocumentType type = DocumentType.byName(plan.fileName()).orElse(DocumentType.PDF);
		// A server-chosen name: never the uploaded one, which may carry paths or tricks.
		String name = "construction-plan-" + system.id().toString().substring(0, 8) + "-v" + version + "."
				+ type.extension();
		return new Download(name, plan.contentType(), content);
	}

	private DocumentType checkedType(String fileName, byte[] content) {
		if (content == null || content.length == 0) {
			throw InvalidInputException.of("file", "attachment.empty");
		}
		if (content.length > this.maxSize.toBytes()) {
			throw InvalidInputException.of("file", "attachment.tooLarge", this.maxSize.toMegabytes());
		}
		DocumentType claimed = DocumentType.byName(fileName)
			.orElseThrow(() -> InvalidInputException.of("file", "attachment.type"));
		DocumentType actual = DocumentType.byContent(content).orElse(null);
		if (actual != claimed) {
			throw InvalidInputException.of("file", "attachment.contentMismatch", claimed.extension());
		}
		return actual;
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

	private static PlanVersion map(ResultSet rs, int row) throws SQLException {
		return new PlanVersion(rs.getObject("id", UUID.class), rs.getObject("system_id", UUID.class),
				rs.getInt("version"), rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
				rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by"));
	}

	/** A file to send: a server-chosen name, its type and bytes. */
	public record Download(String fileName, String contentType, byte[] content) {
	}

}
