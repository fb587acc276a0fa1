package cn.govcloud.systems;

import java.util.List;
import java.util.Optional;
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
 * Construction plans (Art. 6) as versioned attachments of a system: PDF, DOCX, XLSX, PNG
 * or JPG, checked by content, up to {@code govcloud.attachments.max-size} (default 50
 * MB). Kept in the database so a database backup contains them; never replaced, only
 * followed by a new version.
 */
@Service
public class ConstructionPlans {

	private final SystemDocuments documents;

	private final ApplicationSystems systems;

	private final AuditTrail audit;

	ConstructionPlans(SystemDocuments documents, ApplicationSystems systems, AuditTrail audit) {
		this.documents = documents;
		this.systems = systems;
		this.audit = audit;
	}

	/**
	 * Adds the next version of a system's plan; the caller's unit must own the system.
	 */
	@Transactional
	public PlanVersion upload(DataScope scope, UUID systemId, String fileName, byte[] content) {
		ApplicationSystem system = this.systems.findWritable(scope, systemId);
		StoredDocument stored = this.documents.store(systemId, Purpose.CONSTRUCTION_PLAN, fileName, content,
				scope.principal().userId());
		this.audit.record("system.plan.upload", ApplicationSystems.describe(systemId, system.name()),
				AuditOutcome.SUCCESS, "version " + stored.version() + ", " + content.length + " bytes");
		return stored.asPlanVersion();
	}

	/** Every version of a system's plan, newest first. */
	public List<PlanVersion> versions(DataScope scope, UUID systemId) {
		this.systems.find(scope, systemId);
		return this.documents.list(systemId, Purpose.CONSTRUCTION_PLAN)
			.stream()
			.map(StoredDocument::asPlanVersion)
			.toList();
	}

	/**
	 * One version, unscoped, for other modules' checks (e.g. an application names the
	 * version it relies on).
	 */
	public Optional<PlanVersion> version(UUID systemId, int version) {
		return this.documents.find(systemId, Purpose.CONSTRUCTION_PLAN, version).map(StoredDocument::asPlanVersion);
	}

	/** The bytes of one version, for download; out of scope reads as "not found". */
	public StoredFile download(DataScope scope, UUID systemId, int version) {
		this.systems.find(scope, systemId);
		StoredDocument plan = this.documents.find(systemId, Purpose.CONSTRUCTION_PLAN, version)
			.orElseThrow(() -> new NotFoundException("plan", version));
		return this.documents.download(plan, Purpose.CONSTRUCTION_PLAN);
	}

}
