package cn.govcloud.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A resource application as its readers see it.
 *
 * @param number the human-readable number, e.g. {@code ZY2026-000042}
 * @param revision how many times it has been submitted
 * @param planVersion the construction plan version it relies on (Art. 6)
 */
public record ResourceApplication(UUID id, String number, UUID systemId, String systemName, UUID unitId,
		String unitName, ApplicationType type, ApplicationStatus status, int revision, Integer planVersion,
		String summary, UUID createdById, String createdBy, Instant createdAt, Instant submittedAt, Instant decidedAt,
		String decidedBy, Decision decision, String decisionReason, List<ApplicationLine> lines) {

	public ResourceApplication {
		lines = (lines != null) ? List.copyOf(lines) : List.of();
	}

	public ResourceApplication withLines(List<ApplicationLine> newLines) {
		return new ResourceApplication(this.id, this.number, this.systemId, this.systemName, this.unitId, this.unitName,
				this.type, this.status, this.revision, this.planVersion, this.summary, this.createdById, this.createdBy,
				this.createdAt, this.submittedAt, this.decidedAt, this.decidedBy, this.decision, this.decisionReason,
				newLines);
	}

}
