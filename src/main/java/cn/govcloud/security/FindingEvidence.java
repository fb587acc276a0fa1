package cn.govcloud.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.AttachedFiles.AttachedFile;
import cn.govcloud.shared.AttachedFiles.StoredFile;
import cn.govcloud.shared.AttachedFiles;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence of a finding (the Commission's) and of its rectification (the responsible
 * party's, until the finding is closed), checked by content as the service desk's
 * attachments are; at most ten per finding.
 */
@Service
public class FindingEvidence {

	private final AttachedFiles files;

	private final Findings findings;

	FindingEvidence(JdbcClient jdbc, Findings findings) {
		this.files = new AttachedFiles(jdbc, new AttachedFiles.Table("security_finding_attachment", "finding_id", true,
				10, "finding.evidence.tooMany"));
		this.findings = findings;
	}

	@Transactional
	public AttachedFile attach(DataScope scope, UUID findingId, String fileName, byte[] content) {
		Finding finding = this.findings.find(scope, findingId);
		String stage;
		if (this.findings.mayVerify(scope)) {
			stage = "FINDING";
		}
		else if (this.findings.mayRespond(scope, finding) && finding.status() == FindingStatus.OPEN) {
			stage = "RECTIFICATION";
		}
		else {
			throw new NotFoundException("finding", findingId);
		}
		return this.files.attach(scope.principal(), finding.id(), stage, fileName, content);
	}

	/**
	 * The finding's files, each with its stage: {@code FINDING} (the inspector's) or
	 * {@code RECTIFICATION}.
	 */
	public List<AttachedFile> list(DataScope scope, UUID findingId) {
		return this.files.list(this.findings.find(scope, findingId).id());
	}

	/** The file's name, type and content, if the finding is in scope and has it. */
	public Optional<StoredFile> content(DataScope scope, UUID findingId, UUID evidenceId) {
		return this.files.content(this.findings.find(scope, findingId).id(), evidenceId);
	}

}
