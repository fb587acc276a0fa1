package cn.govcloud.systems;

import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.shared.AttachedFiles.StoredFile;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.systems.SystemDocuments.Purpose;
import cn.govcloud.systems.SystemDocuments.StoredDocument;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence that a system's data was migrated or backed up before it stops using the
 * platform (Art. 9): a versioned document of the system, checked by content like its
 * construction plans, kept in the database.
 */
@Service
public class BackupEvidence {

	private final SystemDocuments documents;

	private final ApplicationSystems systems;

	private final AuditTrail audit;

	BackupEvidence(SystemDocuments documents, ApplicationSystems systems, AuditTrail audit) {
		this.documents = documents;
		this.systems = systems;
		this.audit = audit;
	}

	/**
	 * Checks the file (the field is {@code file}) and stores it as the next version; the
	 * caller's unit must own the system.
	 */
	@Transactional
	public Evidence upload(DataScope scope, UUID systemId, String fileName, byte[] content) {
		ApplicationSystem system = this.systems.findWritable(scope, systemId);
		StoredDocument stored = this.documents.store(systemId, Purpose.BACKUP_EVIDENCE, fileName, content,
				scope.principal().userId());
		this.audit.record("system.evidence.upload", ApplicationSystems.describe(systemId, system.name()),
				AuditOutcome.SUCCESS, "version " + stored.version() + ", " + content.length + " bytes");
		return stored.asEvidence();
	}

	/** Checks a file without storing it: the same problems {@link #upload} would name. */
	public void check(String fileName, byte[] content) {
		this.documents.check(fileName, content);
	}

	/** The bytes of one version; out of scope reads as "not found". */
	public StoredFile download(DataScope scope, UUID systemId, int version) {
		this.systems.find(scope, systemId);
		StoredDocument document = this.documents.find(systemId, Purpose.BACKUP_EVIDENCE, version)
			.orElseThrow(() -> new NotFoundException("evidence", version));
		return this.documents.download(document, Purpose.BACKUP_EVIDENCE);
	}

	/** One stored version of the evidence, without its bytes. */
	public record Evidence(UUID systemId, int version, String fileName, String contentType, long sizeBytes,
			String sha256) {
	}

}
