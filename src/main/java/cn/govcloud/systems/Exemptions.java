package cn.govcloud.systems;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.StateChange;
import cn.govcloud.systems.HostingStatusPolicy.Authority;
import cn.govcloud.systems.HostingStatusPolicy.Proposal;
import cn.govcloud.systems.SystemDocuments.Purpose;
import cn.govcloud.systems.SystemDocuments.StoredDocument;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exemptions from migration (Art. 3: where laws, regulations, government rules or
 * national documents provide otherwise). The unit asks, citing the legal basis and a
 * supporting document; its system stays self-hosted until the Commission grants (the
 * system becomes exempt) or refuses with a reason. One pending request per system; a
 * change of the system away from self-hosting withdraws it.
 */
@Service
class Exemptions {

	/** The most pending requests one answer lists. */
	public static final int QUEUE_LIMIT = 500;

	private final ApplicationSystems systems;

	private final SystemDocuments documents;

	private final ExemptionRepository repository;

	private final StatusChanges changes;

	Exemptions(ApplicationSystems systems, SystemDocuments documents, ExemptionRepository repository,
			StatusChanges changes) {
		this.systems = systems;
		this.documents = documents;
		this.repository = repository;
		this.changes = changes;
	}

	/**
	 * The unit asks, relying on an exemption document it uploaded before (by default the
	 * newest).
	 * @param expected the status the caller saw, or {@code null}
	 */
	@Transactional
	public ExemptionRequest request(DataScope scope, UUID systemId, HostingStatus expected, String basis,
			Integer documentVersion) {
		this.systems.findWritable(scope, systemId);
		ApplicationSystem locked = this.changes.lock(systemId, expected);
		Optional<StoredDocument> document = (documentVersion != null)
				? this.documents.find(systemId, Purpose.EXEMPTION, documentVersion)
				: this.documents.latest(systemId, Purpose.EXEMPTION);
		if (documentVersion != null && document.isEmpty()) {
			throw InvalidInputException.of("documentVersion", "system.exemption.document.unknown", documentVersion);
		}
		return file(scope, locked, basis, document);
	}

	/**
	 * The unit asks and uploads the document in the same step; if the request is refused,
	 * the document is not kept either.
	 */
	@Transactional
	public ExemptionRequest request(DataScope scope, UUID systemId, HostingStatus expected, String basis,
			String fileName, byte[] content) {
		this.systems.findWritable(scope, systemId);
		ApplicationSystem locked = this.changes.lock(systemId, expected);
		check(locked, basis, content != null && content.length > 0);
		StoredDocument document = this.documents.store(systemId, Purpose.EXEMPTION, fileName, content,
				scope.principal().userId());
		return file(scope, locked, basis, Optional.of(document));
	}

	/**
	 * The Commission grants a pending request: the system becomes exempt on the basis the
	 * unit cited.
	 */
	@Transactional
	public ExemptionRequest grant(DataScope scope, UUID systemId, UUID requestId, String reason) {
		ExemptionRequest request = forDecision(scope, systemId, requestId);
		StateChange<ExemptionDecided> granted = request.grant(this.changes.actor(), Instant.now(), reason);
		ApplicationSystem locked = this.changes.lock(systemId, HostingStatus.LEGACY_SELF_HOSTED);
		this.repository.decide(granted);
		this.changes.apply(locked, new Proposal(HostingStatus.EXEMPT, null, null, request.basis(), true),
				Authority.COMMISSION);
		this.changes.record("system.exemption.grant", locked, "request " + requestId);
		return this.repository.find(requestId).orElseThrow();
	}

	/**
	 * The Commission refuses a pending request, with a reason; the system stays
	 * self-hosted.
	 */
	@Transactional
	public ExemptionRequest refuse(DataScope scope, UUID systemId, UUID requestId, String reason) {
		StateChange<ExemptionDecided> refused = forDecision(scope, systemId, requestId).refuse(this.changes.actor(),
				Instant.now(), reason);
		this.repository.decide(refused);
		this.changes.record("system.exemption.refuse", this.systems.find(scope, systemId),
				"request " + requestId + ", " + refused.event().reason());
		return this.repository.find(requestId).orElseThrow();
	}

	/** A system's requests, newest first. */
	public List<ExemptionRequest> requests(DataScope scope, UUID systemId) {
		this.systems.find(scope, systemId);
		return this.repository.of(systemId);
	}

	/** Requests waiting for the Commission in the caller's scope, oldest first. */
	public List<ExemptionRequest> pending(DataScope scope) {
		return this.repository.pending(scope, QUEUE_LIMIT);
	}

	private ExemptionRequest file(DataScope scope, ApplicationSystem locked, String basis,
			Optional<StoredDocument> document) {
		check(locked, basis, document.isPresent());
		if (this.repository.pendingFor(locked.id()).isPresent()) {
			throw new ConflictException("system.exemption.pending");
		}
		UUID id = UUID.randomUUID();
		this.repository.insert(id, locked.id(), basis.strip(), document.get().id(), scope.principal().userId(),
				Instant.now());
		this.changes.record("system.exemption.request", locked, "document version " + document.get().version());
		return this.repository.find(id).orElseThrow();
	}

	private static void check(ApplicationSystem system, String basis, boolean document) {
		List<FieldProblem> problems = HostingStatusPolicy.checkExemptionRequest(system.hostingStatus(), basis,
				document);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	/**
	 * The request, if the Commission may decide on it. Decisions lock the system, so of
	 * two reviewers deciding at once, the second finds the request decided and is told
	 * who decided first.
	 */
	private ExemptionRequest forDecision(DataScope scope, UUID systemId, UUID requestId) {
		this.systems.find(scope, systemId);
		if (!scope.seesAll()) {
			throw InvalidInputException.of("hostingStatus", "system.exemption.commissionOnly");
		}
		this.changes.lock(systemId, null);
		return this.repository.find(requestId)
			.filter((found) -> found.systemId().equals(systemId))
			.orElseThrow(() -> new NotFoundException("exemption", requestId));
	}

}
