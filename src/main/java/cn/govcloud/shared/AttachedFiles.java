package cn.govcloud.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * Files attached to one record (a ticket, a finding) in that record's own table: checked
 * by their content (an executable renamed {@code .png} is refused), at most 20 MB each
 * and a bounded number per record. Whether the caller may attach to or read the record is
 * the owning module's decision, taken before it calls here.
 */
public final class AttachedFiles {

	private static final DataSize MAX_SIZE = DataSize.ofMegabytes(20);

	private final JdbcClient jdbc;

	private final Table table;

	public AttachedFiles(JdbcClient jdbc, Table table) {
		this.jdbc = jdbc;
		this.table = table;
	}

	/**
	 * Checks and stores a file; the caller's transaction holds it.
	 * @param stage the record's stage the file belongs to, or {@code null} where the
	 * table has none
	 */
	public AttachedFile attach(GovCloudPrincipal by, UUID owner, String stage, String fileName, byte[] content) {
		DocumentType type = DocumentType.checked(fileName, content, MAX_SIZE);
		long held = this.jdbc
			.sql("SELECT count(*) FROM " + this.table.name() + " WHERE " + this.table.owner() + " = :o")
			.param("o", owner)
			.query(Long.class)
			.single();
		if (held >= this.table.maxPerOwner()) {
			throw InvalidInputException.of("file", this.table.tooManyMessage(), this.table.maxPerOwner());
		}
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		String stageColumn = (this.table.staged()) ? ", stage" : "";
		String stageValue = (this.table.staged()) ? ", :stage" : "";
		this.jdbc
			.sql("INSERT INTO " + this.table.name() + " (id, " + this.table.owner() + stageColumn
					+ ", file_name, content_type, content, uploaded_at, uploaded_by, uploaded_by_name) VALUES (:id, :o"
					+ stageValue + ", :name, :type, :content, :at, :by, :byName)")
			.param("id", id)
			.param("o", owner)
			.param("stage", stage)
			.param("name", fileName)
			.param("type", type.contentType())
			.param("content", content)
			.param("at", Timestamp.from(now))
			.param("by", by.userId())
			.param("byName", by.displayName())
			.update();
		return new AttachedFile(id, stage, fileName, type.contentType(), content.length, now, by.displayName());
	}

	/** The record's files without their content, oldest first. */
	public List<AttachedFile> list(UUID owner) {
		return this.jdbc
			.sql("SELECT id, " + ((this.table.staged()) ? "stage" : "NULL")
					+ ", file_name, content_type, length(content), uploaded_at, uploaded_by_name FROM "
					+ this.table.name() + " WHERE " + this.table.owner() + " = :o ORDER BY uploaded_at, id")
			.param("o", owner)
			.query((rs, n) -> new AttachedFile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getString(7)))
			.list();
	}

	/** One of the record's files with its content. */
	public Optional<StoredFile> content(UUID owner, UUID id) {
		return this.jdbc
			.sql("SELECT file_name, content_type, content FROM " + this.table.name() + " WHERE " + this.table.owner()
					+ " = :o AND id = :id")
			.param("o", owner)
			.param("id", id)
			.query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	/**
	 * Where the files of one kind of record are kept (names from code, never from input).
	 *
	 * @param name the table
	 * @param owner its column naming the record
	 * @param staged whether it has a {@code stage} column
	 * @param maxPerOwner the most files one record may hold
	 * @param tooManyMessage the message key of the refusal beyond that, given the number
	 */
	public record Table(String name, String owner, boolean staged, int maxPerOwner, String tooManyMessage) {
	}

	/**
	 * A file without its content.
	 *
	 * @param stage the record's stage it belongs to, {@code null} where files have none
	 */
	public record AttachedFile(UUID id, String stage, String fileName, String contentType, int size, Instant uploadedAt,
			String uploadedBy) {
	}

	/** A file with its content. */
	public record StoredFile(String fileName, String contentType, byte[] content) {
	}

}
