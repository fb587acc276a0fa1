package cn.govcloud.systems;

import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.AttachedFiles.StoredFile;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.systems.SystemDocuments.Purpose;
import cn.govcloud.systems.SystemDocuments.StoredDocument;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents supporting exemptions from migration (Art. 3): versioned, checked by
 * content like construction plans, kept in the database.
 */
@Service
class ExemptionDocuments {

	private final SystemDocuments documents;

	private final ApplicationSystems systems;

	private final StatusChanges changes;

	ExemptionDocuments(SystemDocuments documents, ApplicationSystems systems, StatusChanges changes) {
		this.documents = documents;
		this.systems = systems;
		this.changes = changes;
	}

	/** Adds the next version; the caller's unit must own the system. */
	@Transactional
	public ExemptionDocument upload(DataScope scope, UUID systemId, String fileName, byte[] content) {
		ApplicationSystem system = this.systems.findWritable(scope, systemId);
		StoredDocument stored = this.documents.store(systemId, Purpose.EXEMPTION, fileName, content,
				scope.principal().userId());
		this.changes.record("system.exemption.document.upload", system,
				"version " + stored.version() + ", " + content.length + " bytes");
		return stored.asExemptionDocument();
	}

	/** Every version, newest first. */
	public List<ExemptionDocument> versions(DataScope scope, UUID systemId) {
		this.systems.find(scope, systemId);
		return this.documents.list(systemId, Purpose.EXEMPTION)
			.stream()
			.map(StoredDocument::asExemptionDocument)
			.toList();
	}

	/** The bytes of one version; out of scope reads as "not found". */
	public StoredFile download(DataScope scope, UUID systemId, int version) {
		this.systems.find(scope, systemId);
		StoredDocument document = this.documents.find(systemId, Purpose.EXEMPTION, version)
			.orElseThrow(() -> new NotFoundException("exemption document", version));
		return this.documents.download(document, Purpose.EXEMPTION);
	}

}
