package cn.govcloud.audit;

import java.util.List;

import cn.govcloud.shared.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * The auditor's view of the archives (ADR 0037): the list, and the check of one archive
 * file against its signature and the checkpoint the database kept, itself recorded in the
 * trail ({@code audit.archive.verify}; outcome FAILURE when the file fails).
 */
@Service
class AuditArchive {

	private final AuditArchives archives;

	private final ArchiveStore store;

	private final AuditTrail trail;

	AuditArchive(AuditArchives archives, ArchiveStore store, AuditTrail trail) {
		this.archives = archives;
		this.store = store;
		this.trail = trail;
	}

	/** Newest first. */
	List<ArchiveEntry> list() {
		return this.archives.list();
	}

	ArchiveCheck verify(long id) {
		ArchiveEntry entry = this.archives.find(id).orElseThrow(() -> new NotFoundException("audit archive", id));
		ArchiveCheck check = this.store.check(entry, (firstPrevHash) -> firstPrevHash.equals(before(entry)));
		this.trail.record("audit.archive.verify", entry.fileName(),
				check.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
				check.intact() ? "intact, records=" + entry.records() : String.valueOf(check.problem()));
		return check;
	}

	/** The hash the archive's first record must link to: the end of the one before. */
	private String before(ArchiveEntry entry) {
		if (entry.firstSeq() == 1) {
			return AuditHash.GENESIS;
		}
		return this.archives.endingAt(entry.firstSeq() - 1).map(ArchiveEntry::lastHash).orElse(null);
	}

}
