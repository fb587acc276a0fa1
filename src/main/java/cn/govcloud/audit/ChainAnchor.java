package cn.govcloud.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

import cn.govcloud.shared.FieldCipher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Anchors of the chain's head kept outside the database (issue 19, ADR 0037), so that
 * deleting the newest records, which the chain alone cannot show (ADR 0004), is found. An
 * anchor is a line appended to {@code audit-anchors.log} in the anchor directory and
 * synced to disk, and the same line in GovCloud's log: the time, the head's seq and hash,
 * and a keyed SM3 mark of the three, so a line cannot be made up without GovCloud's key.
 */
@Component
class ChainAnchor {

	static final String FILE = "audit-anchors.log";

	private static final String PURPOSE = "audit.anchor";

	private static final Logger logger = LoggerFactory.getLogger(ChainAnchor.class);

	private final Path file;

	private final FieldCipher cipher;

	private final JdbcClient jdbc;

	ChainAnchor(AuditSettings settings, FieldCipher cipher, JdbcClient jdbc) {
		this.file = settings.anchor().directory().toAbsolutePath().resolve(FILE);
		this.cipher = cipher;
		this.jdbc = jdbc;
	}

	/**
	 * An anchor read back.
	 *
	 * @param genuine whether its mark is GovCloud's: false for a line made up or changed
	 */
	record Anchor(Instant at, long seq, String hash, boolean genuine) {
	}

	/**
	 * Appends an anchor of the chain's current head.
	 * @return it, or empty when the chain has no record yet
	 */
	Optional<Anchor> publish(Instant now) {
		Optional<Checkpoint> head = this.jdbc.sql(AuditTrail.HEAD)
			.query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2)))
			.optional();
		if (head.isEmpty()) {
			return Optional.empty();
		}
		String content = now + " " + head.get().seq() + " " + head.get().hash();
		String line = content + " " + this.cipher.keyedHash(PURPOSE).update(content).finish();
		try {
			Files.createDirectories(this.file.getParent());
			try (FileChannel channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND)) {
				channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
				channel.force(true);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot append the audit anchor to " + this.file, ex);
		}
		logger.info("Audit chain anchored: {}", line);
		return Optional.of(new Anchor(now, head.get().seq(), head.get().hash(), true));
	}

	/** The newest anchor, or empty when none was published here. */
	Optional<Anchor> latest() {
		String line = lastLine();
		if (line == null) {
			return Optional.empty();
		}
		String[] parts = line.split(" ");
		try {
			String content = parts[0] + " " + parts[1] + " " + parts[2];
			boolean genuine = parts.length == 4
					&& this.cipher.keyedHashFor(PURPOSE, parts[3]).update(content).matches(parts[3]);
			return Optional.of(new Anchor(Instant.parse(parts[0]), Long.parseLong(parts[1]), parts[2], genuine));
		}
		catch (RuntimeException ex) {
			// A line that does not parse, or names a key GovCloud does not hold.
			return Optional.of(new Anchor(Instant.EPOCH, -1, "", false));
		}
	}

	/** The file's last line, read from its end: the file grows by a line an hour. */
	private String lastLine() {
		if (!Files.isRegularFile(this.file)) {
			return null;
		}
		try (RandomAccessFile in = new RandomAccessFile(this.file.toFile(), "r")) {
			long length = in.length();
			int size = (int) Math.min(length, 4096);
			byte[] tail = new byte[size];
			in.seek(length - size);
			in.readFully(tail);
			String text = new String(tail, StandardCharsets.UTF_8).stripTrailing();
			return text.isEmpty() ? null : text.substring(text.lastIndexOf('\n') + 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the audit anchors " + this.file, ex);
		}
	}

}
