package cn.govcloud.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The archives of the trail and the checkpoint they leave (ADR 0037). */
@Repository
class AuditArchives {

	private static final String COLUMNS = """
			id, period, first_seq, last_seq, first_prev_hash, last_hash, records, file_name, signature, archived_at
			""";

	private final JdbcClient jdbc;

	AuditArchives(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Where the online chain continues from: the newest archive's last record. */
	Checkpoint checkpoint() {
		return this.jdbc.sql("SELECT last_seq, last_hash FROM audit_archive ORDER BY last_seq DESC LIMIT 1")
			.query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2)))
			.optional()
			.orElse(Checkpoint.GENESIS);
	}

	/** Newest first. */
	List<ArchiveEntry> list() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM audit_archive ORDER BY last_seq DESC")
			.query(AuditArchives::map)
			.list();
	}

	Optional<ArchiveEntry> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM audit_archive WHERE id = :id")
			.param("id", id)
			.query(AuditArchives::map)
			.optional();
	}

	/** The archive whose last record is {@code seq}. */
	Optional<ArchiveEntry> endingAt(long seq) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM audit_archive WHERE last_seq = :seq")
			.param("seq", seq)
			.query(AuditArchives::map)
			.optional();
	}

	/**
	 * Files the archive and prunes its records: allowed by the table's trigger only
	 * because the archive now holds them.
	 */
	ArchiveEntry fileAndPrune(ArchiveEntry entry) {
		long id = this.jdbc.sql("""
				INSERT INTO audit_archive (period, first_seq, last_seq, first_prev_hash, last_hash, records, file_name,
				                           signature, archived_at)
				VALUES (:period, :firstSeq, :lastSeq, :firstPrevHash, :lastHash, :records, :fileName, :signature,
				        :archivedAt)
				RETURNING id
				""")
			.param("period", entry.period())
			.param("firstSeq", entry.firstSeq())
			.param("lastSeq", entry.lastSeq())
			.param("firstPrevHash", entry.firstPrevHash())
			.param("lastHash", entry.lastHash())
			.param("records", entry.records())
			.param("fileName", entry.fileName())
			.param("signature", entry.signature())
			.param("archivedAt", Timestamp.from(entry.archivedAt()))
			.query(Long.class)
			.single();
		this.jdbc.sql("DELETE FROM audit_event WHERE seq BETWEEN :first AND :last")
			.param("first", entry.firstSeq())
			.param("last", entry.lastSeq())
			.update();
		return find(id).orElseThrow();
	}

	private static ArchiveEntry map(ResultSet rs, int n) throws SQLException {
		return new ArchiveEntry(rs.getLong("id"), rs.getString("period"), rs.getLong("first_seq"),
				rs.getLong("last_seq"), rs.getString("first_prev_hash"), rs.getString("last_hash"),
				rs.getLong("records"), rs.getString("file_name"), rs.getString("signature"),
				rs.getTimestamp("archived_at").toInstant());
	}

}
