package cn.govcloud.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.govcloud.shared.CityTime;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention of the trail (issue 19, ADR 0037): records older than the online retention
 * ({@code govcloud.audit.retention.online}, at least 180 days) are archived a month at a
 * time, oldest first, and pruned. Only whole months are archived, so a record stays
 * online at least the retention. Each month is one transaction: the records are read in
 * chain order and verified while they are written, the file is synced to disk and signed,
 * and only then is the archive filed, its records deleted and the archiving recorded in
 * the trail. A broken chain is never archived.
 */
@Service
public class AuditArchiving {

	private final AuditEventRepository repository;

	private final AuditArchives archives;

	private final AuditTrail trail;

	private final ArchiveStore store;

	private final TransactionTemplate transaction;

	AuditArchiving(AuditEventRepository repository, AuditArchives archives, AuditTrail trail, ArchiveStore store,
			PlatformTransactionManager transactions) {
		this.repository = repository;
		this.archives = archives;
		this.trail = trail;
		this.store = store;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Archives and prunes every whole month older than the retention at {@code now}.
	 * @return how many records were archived
	 */
	public long archiveDue(Instant now) {
		return archive(now).stream().mapToLong(ArchiveEntry::records).sum();
	}

	List<ArchiveEntry> archive(Instant now) {
		Instant cutoff = now.minus(this.store.online());
		List<ArchiveEntry> done = new ArrayList<>();
		for (Optional<ArchiveEntry> next = archiveOne(cutoff); next.isPresent(); next = archiveOne(cutoff)) {
			done.add(next.get());
		}
		return done;
	}

	private Optional<ArchiveEntry> archiveOne(Instant cutoff) {
		return this.transaction.execute((status) -> {
			Checkpoint from = this.archives.checkpoint();
			List<AuditRecord> page = this.repository.chainAfter(from.seq(), AuditVerification.PAGE_SIZE);
			if (page.isEmpty()) {
				return Optional.empty();
			}
			YearMonth period = YearMonth.from(page.get(0).occurredAt().atZone(CityTime.ZONE));
			Instant end = period.plusMonths(1).atDay(1).atStartOfDay(CityTime.ZONE).toInstant();
			if (end.isAfter(cutoff)) {
				return Optional.empty();
			}
			try {
				return Optional.of(write(period, end, from, page));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write the audit archive of " + period, ex);
			}
		});
	}

	private ArchiveEntry write(YearMonth period, Instant end, Checkpoint from, List<AuditRecord> page)
			throws IOException {
		AuditRecord first = page.get(0);
		AuditRecord last = null;
		ChainCheck chain = new ChainCheck(this.repository::hashExists, Instant.now(), from);
		try (ArchiveFile.Writer writer = this.store.writer("audit-" + period + "-" + first.seq())) {
			while (!page.isEmpty()) {
				for (AuditRecord record : page) {
					if (!record.occurredAt().isBefore(end)) {
						return file(period, first, last, writer);
					}
					if (!chain.accept(record)) {
						VerificationResult broken = chain.result();
						throw new IllegalStateException("The audit chain breaks at seq " + broken.firstBadSeq() + " ("
								+ broken.problem() + "): nothing archived; verify the trail");
					}
					writer.write(record);
					last = record;
				}
				page = this.repository.chainAfter(last.seq(), AuditVerification.PAGE_SIZE);
			}
			return file(period, first, last, writer);
		}
	}

	private ArchiveEntry file(YearMonth period, AuditRecord first, AuditRecord last, ArchiveFile.Writer writer)
			throws IOException {
		String name = "audit-%s-%d-%d.jsonl.gz".formatted(period, first.seq(), last.seq());
		String signature = this.store.finish(writer, name);
		ArchiveEntry entry = this.archives.fileAndPrune(new ArchiveEntry(0, period.toString(), first.seq(), last.seq(),
				first.prevHash(), last.hash(), last.seq() - first.seq() + 1, name, signature, Instant.now()));
		this.trail.recordAs(AuditTrail.SYSTEM, null, "audit.archive", name, AuditOutcome.SUCCESS,
				"period=" + period + ", seq " + first.seq() + ".." + last.seq() + ", records=" + entry.records()
						+ ", signature=" + signature);
		return entry;
	}

}
