package cn.govcloud.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DocumentType;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Evidence of a finding (the Commission's) and of its rectification (the responsible
 * party's, until the finding is closed), checked by content as the service desk's
 * attachments are; at most ten per finding.
 */
@Service
public class FindingEvidence {

	static final DataSize MAX_SIZE = DataSize.ofMegabytes(20);

	static final int MAX_PER_FINDING = 10;

	private final JdbcClient jdbc;

	private final Findings findings;

	FindingEvidence(JdbcClient jdbc, Findings findings) {
		this.jdbc = jdbc;
		this.findings = findings;
	}

	@Transactional
	public Evidence attach(DataScope scope, UUID findingId, String fileName, byte[] content) {
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
		DocumentType type = DocumentType.checked(fileName, content, MAX_SIZE);
		long held = this.jdbc.sql("SELECT count(*) FROM security_finding_attachment WHERE finding_id = :f")
			.param("f", findingId)
			.query(Long.class)
			.single();
		if (held >= MAX_PER_FINDING) {
			throw InvalidInputException.of("file", "finding.evidence.tooMany", MAX_PER_FINDING);
		}
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		this.jdbc.sql("""
				INSERT INTO security_finding_attachment (id, finding_id, stage, file_name, content_type, content,
				    uploaded_at, uploaded_by, uploaded_by_name)
				VALUES (:id, :f, :stage, :name, :type, :content, :at, :by, :byName)
				""")
			.param("id", id)
			.param("f", findingId)
			.param("stage", stage)
			.param("name", fileName)
			.param("type", type.contentType())
			.param("content", content)
			.param("at", Timestamp.from(now))
			.param("by", scope.principal().userId())
			.param("byName", scope.principal().displayName())
			.update();
		return new Evidence(id, stage, fileName, type.contentType(), content.length, now,
				scope.principal().displayName());
	}

	public List<Evidence> list(DataScope scope, UUID findingId) {
		Finding finding = this.findings.find(scope, findingId);
		return this.jdbc.sql("""
				SELECT id, stage, file_name, content_type, length(content), uploaded_at, uploaded_by_name
				FROM security_finding_attachment WHERE finding_id = :f ORDER BY uploaded_at, id
				""")
			.param("f", finding.id())
			.query((rs, n) -> new Evidence(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
			.list();
	}

	/** The file's name, type and content, if the finding is in scope and has it. */
	public Optional<Stored> content(DataScope scope, UUID findingId, UUID evidenceId) {
		Finding finding = this.findings.find(scope, findingId);
		return this.jdbc.sql("""
				SELECT file_name, content_type, content FROM security_finding_attachment
				WHERE finding_id = :f AND id = :id
				""")
			.param("f", finding.id())
			.param("id", evidenceId)
			.query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	/**
	 * A file without its content.
	 *
	 * @param stage {@code FINDING} (the inspector's) or {@code RECTIFICATION}
	 */
	public record Evidence(UUID id, String stage, String fileName, String contentType, int size, Instant uploadedAt,
			String uploadedBy) {
	}

	/** A file with its content. */
	public record Stored(String fileName, String contentType, byte[] content) {
	}

}
