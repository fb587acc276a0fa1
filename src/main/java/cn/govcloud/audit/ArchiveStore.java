package cn.govcloud.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import cn.govcloud.shared.FieldCipher;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The directory of the trail's archive files (ADR 0037): writes them signed with a keyed
 * SM3 hash under GovCloud's current key, and checks one against its signature and the
 * checkpoint the database kept.
 */
@Component
@EnableConfigurationProperties(AuditSettings.class)
class ArchiveStore {

	private final AuditSettings settings;

	private final FieldCipher cipher;

	private final JsonMapper json;

	ArchiveStore(AuditSettings settings, FieldCipher cipher, JsonMapper json) {
		this.settings = settings;
		this.cipher = cipher;
		this.json = json;
	}

	/** How long records stay online. */
	Duration online() {
		return this.settings.retention().online();
	}

	Path file(String fileName) {
		return this.settings.retention().directory().toAbsolutePath().resolve(fileName);
	}

	ArchiveFile.Writer writer(String partName) throws IOException {
		return new ArchiveFile.Writer(this.settings.retention().directory().toAbsolutePath(), partName, this.json);
	}

	/** Completes a file under its final name; returns its signature. */
	String finish(ArchiveFile.Writer writer, String fileName) throws IOException {
		return writer.finish(fileName, this.cipher.keyedHash(ArchiveFile.PURPOSE));
	}

	/**
	 * Checks the archive's file: that it and its detached signature match the signature
	 * the database kept, that every record verifies and links to the one before, from the
	 * archive's first link to its last hash, and that the first link is the hash the
	 * archive before ends with ({@code linksTo}).
	 */
	ArchiveCheck check(ArchiveEntry entry, Predicate<String> linksTo) {
		Path file = file(entry.fileName());
		Path signature = ArchiveFile.signatureOf(file);
		if (!Files.isRegularFile(file) || !Files.isRegularFile(signature)) {
			return ArchiveCheck.failed(entry, ArchiveCheck.Problem.MISSING);
		}
		try {
			String computed;
			try {
				computed = ArchiveFile.sign(file, this.cipher.keyedHashFor(ArchiveFile.PURPOSE, entry.signature()));
			}
			catch (IllegalStateException ex) {
				// The signature names a key GovCloud does not hold.
				return ArchiveCheck.failed(entry, ArchiveCheck.Problem.SIGNATURE);
			}
			String detached = Files.readString(signature, StandardCharsets.UTF_8).strip();
			if (!computed.equals(entry.signature()) || !detached.equals(entry.signature())) {
				return ArchiveCheck.failed(entry, ArchiveCheck.Problem.SIGNATURE);
			}
			Checkpoint before = new Checkpoint(entry.firstSeq() - 1, entry.firstPrevHash());
			ChainCheck chain = new ChainCheck((hash) -> false, Instant.now(), before);
			boolean[] intact = { true };
			ArchiveFile.read(file, this.json, (record) -> intact[0] &= chain.accept(record));
			if (!intact[0] || !chain.last().equals(entry.checkpoint())) {
				return ArchiveCheck.failed(entry, ArchiveCheck.Problem.RECORDS);
			}
		}
		catch (IOException | RuntimeException ex) {
			return ArchiveCheck.failed(entry, ArchiveCheck.Problem.UNREADABLE);
		}
		if (!linksTo.test(entry.firstPrevHash())) {
			return ArchiveCheck.failed(entry, ArchiveCheck.Problem.LINK);
		}
		return new ArchiveCheck(entry, null);
	}

}
