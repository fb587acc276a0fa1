package cn.govcloud.audit;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import cn.govcloud.shared.KeyedSm3;
import tools.jackson.databind.json.JsonMapper;

/**
 * An archive file of the trail (ADR 0037): the records of a month as gzip'd JSON lines,
 * one record a line with every field the hash covers, and beside it {@code <file>.sig},
 * the keyed SM3 hash of the file's bytes. A file is written to a temporary name, synced
 * to disk, then renamed, so a file of the final name is complete.
 */
final class ArchiveFile {

	/** What a signature is keyed for, so it is no other keyed hash of GovCloud's. */
	static final String PURPOSE = "audit.archive";

	private ArchiveFile() {
	}

	/** One record as a line of the file. */
	record Line(long seq, String occurredAt, String actor, String organization, String action, String target,
			String outcome, String clientAddress, String detail, String prevHash, String hash) {

		static Line of(AuditRecord r) {
			return new Line(r.seq(), r.occurredAt().toString(), r.actor(), r.organization(), r.action(), r.target(),
					r.outcome(), r.clientAddress(), r.detail(), r.prevHash(), r.hash());
		}

		AuditRecord record() {
			return new AuditRecord(this.seq, Instant.parse(this.occurredAt), this.actor, this.organization, this.action,
					this.target, this.outcome, this.clientAddress, this.detail, this.prevHash, this.hash);
		}

	}

	static Path signatureOf(Path file) {
		return file.resolveSibling(file.getFileName() + ".sig");
	}

	/** The keyed SM3 hash of the file's bytes. */
	static String sign(Path file, KeyedSm3 mac) {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[64 * 1024];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				mac.update(buffer, 0, n);
			}
			return mac.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the archive " + file, ex);
		}
	}

	/** Hands every record of the file to {@code each}, in the file's order. */
	static void read(Path file, JsonMapper json, Consumer<AuditRecord> each) throws IOException {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				each.accept(json.readValue(line, Line.class).record());
			}
		}
	}

	/** Writes one archive file. */
	static final class Writer implements Closeable {

		private final Path part;

		private final FileOutputStream out;

		private final GZIPOutputStream gzip;

		private final BufferedWriter writer;

		private final JsonMapper json;

		Writer(Path directory, String partName, JsonMapper json) throws IOException {
			Files.createDirectories(directory);
			this.part = directory.resolve(partName + ".part");
			this.out = new FileOutputStream(this.part.toFile());
			this.gzip = new GZIPOutputStream(this.out);
			this.writer = new BufferedWriter(new OutputStreamWriter(this.gzip, StandardCharsets.UTF_8));
			this.json = json;
		}

		void write(AuditRecord record) throws IOException {
			this.writer.write(this.json.writeValueAsString(Line.of(record)));
			this.writer.write('\n');
		}

		/**
		 * Completes the file, syncs it, gives it its final name, writes and syncs its
		 * signature.
		 * @return the signature
		 */
		String finish(String fileName, KeyedSm3 mac) throws IOException {
			Path file = this.part.resolveSibling(fileName);
			this.writer.flush();
			this.gzip.finish();
			this.out.flush();
			this.out.getFD().sync();
			this.writer.close();
			Files.move(this.part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			String signature = sign(file, mac);
			Path sig = signatureOf(file);
			Files.writeString(sig, signature + "\n", StandardCharsets.UTF_8);
			try (FileChannel channel = FileChannel.open(sig, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
				directory.force(true);
			}
			return signature;
		}

		@Override
		public void close() throws IOException {
			this.writer.close();
			Files.deleteIfExists(this.part);
		}

	}

}
