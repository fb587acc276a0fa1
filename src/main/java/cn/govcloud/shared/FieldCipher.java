package cn.govcloud.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Seals and opens the values of {@link SecretField}s with SM4 (issue 19, ADR 0033). A
 * stored value reads {@code sm4:<key id>:<base64 of nonce, ciphertext and tag>}, so every
 * value names the key it was sealed with and old keys keep opening old values after a
 * rotation. A value without the prefix is plaintext written before encryption existed: it
 * is read as it is and sealed at the next start ({@link FieldEncryption}).
 */
@Component
@EnableConfigurationProperties(CryptoSettings.class)
public class FieldCipher {

	private static final Logger logger = LoggerFactory.getLogger(FieldCipher.class);

	private static final String PREFIX = "sm4:";

	private final Map<String, byte[]> keys = new LinkedHashMap<>();

	private final Path keyFile;

	private String current;

	FieldCipher(CryptoSettings settings) {
		if (!settings.keys().isEmpty()) {
			this.keyFile = null;
			for (int i = 0; i < settings.keys().size(); i++) {
				add(settings.keys().get(i), "govcloud.crypto.keys[" + i + "]");
			}
		}
		else {
			this.keyFile = settings.keyFile().toAbsolutePath();
			if (Files.notExists(this.keyFile)) {
				create(this.keyFile);
			}
			List<String> lines = read(this.keyFile);
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i).strip();
				if (!line.isEmpty() && !line.startsWith("#")) {
					add(line, this.keyFile + " line " + (i + 1));
				}
			}
			if (this.current == null) {
				throw new IllegalStateException("The SM4 key file " + this.keyFile + " holds no key (id:hex lines)");
			}
		}
	}

	/**
	 * A cipher over the given {@code id:hex} keys, the last one current (tests, tools).
	 */
	public static FieldCipher of(String... keys) {
		return new FieldCipher(new CryptoSettings(List.of(keys), null, false));
	}

	public String seal(SecretField field, String plain) {
		if (plain == null) {
			return null;
		}
		byte[] sealed = Sm4.seal(this.keys.get(this.current), context(field), plain.getBytes(StandardCharsets.UTF_8));
		return PREFIX + this.current + ":" + Base64.getEncoder().encodeToString(sealed);
	}

	public String open(SecretField field, String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return stored;
		}
		int colon = stored.indexOf(':', PREFIX.length());
		if (colon < 0) {
			throw new IllegalStateException("A value of " + field.context() + " has no SM4 key id");
		}
		String id = stored.substring(PREFIX.length(), colon);
		byte[] key = this.keys.get(id);
		if (key == null) {
			throw new IllegalStateException("A value of " + field.context() + " is sealed with the SM4 key '" + id
					+ "', which is not configured (govcloud.crypto.keys or key-file)");
		}
		byte[] sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
		return new String(Sm4.open(key, context(field), sealed), StandardCharsets.UTF_8);
	}

	/**
	 * A keyed SM3 hash for one purpose (e.g. {@code audit.archive}) under the current
	 * key.
	 */
	public KeyedSm3 keyedHash(String purpose) {
		return new KeyedSm3(this.current, this.keys.get(this.current), purpose);
	}

	/**
	 * A keyed SM3 hash for one purpose under the key a stored hash names, to verify it.
	 * @throws IllegalStateException when the hash names no configured key
	 */
	public KeyedSm3 keyedHashFor(String purpose, String storedHash) {
		String id = KeyedSm3.keyIdOf(storedHash);
		byte[] key = (id != null) ? this.keys.get(id) : null;
		if (key == null) {
			throw new IllegalStateException(
					"The hash names the key '" + id + "', which is not configured (govcloud.crypto.keys or key-file)");
		}
		return new KeyedSm3(id, key, purpose);
	}

	/**
	 * The blind index of a field's value (ADR 0037): a keyed SM3 hash of the value,
	 * stripped and in lower case, so an exact search finds it without the ciphertext ever
	 * being compared or the plaintext stored. Null for null or blank.
	 */
	public String index(SecretField field, String plain) {
		if (plain == null || plain.isBlank()) {
			return null;
		}
		return keyedHash("index:" + field.context()).update(plain.strip().toLowerCase(java.util.Locale.ROOT)).finish();
	}

	/** Whether the value is sealed, and with the current key. */
	public boolean current(String stored) {
		return stored != null && stored.startsWith(PREFIX + this.current + ":");
	}

	static boolean sealed(String stored) {
		return stored != null && stored.startsWith(PREFIX);
	}

	String currentKeyId() {
		return this.current;
	}

	/** Where the keys come from: the key file's path, or the setting that lists them. */
	String source() {
		return (this.keyFile != null) ? "the key file " + this.keyFile : "govcloud.crypto.keys";
	}

	/**
	 * Adds a fresh key to the key file and makes it current.
	 * @return its id
	 */
	String addKey() {
		if (this.keyFile == null) {
			throw new IllegalStateException("Keys given in govcloud.crypto.keys are rotated by adding the new key "
					+ "last in that list and running the rotation with it");
		}
		String id = "k" + (this.keys.size() + 1);
		while (this.keys.containsKey(id)) {
			id = id + "a";
		}
		String line = id + ":" + freshKey();
		try {
			Files.writeString(this.keyFile, line + System.lineSeparator(), StandardCharsets.UTF_8,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot add a key to " + this.keyFile + ": " + ex.getMessage(), ex);
		}
		add(line, this.keyFile.toString());
		return id;
	}

	private void add(String line, String where) {
		int colon = line.indexOf(':');
		String id = colon < 0 ? "" : line.substring(0, colon).strip();
		String hex = colon < 0 ? "" : line.substring(colon + 1).strip();
		if (!id.matches("[A-Za-z0-9_-]{1,16}") || !hex.matches("[0-9a-fA-F]{32}")) {
			throw new IllegalStateException(
					"SM4 key at " + where + " must read id:32 hex digits (id of letters, digits, _ or -)");
		}
		if (this.keys.containsKey(id)) {
			throw new IllegalStateException("SM4 key id '" + id + "' appears twice (" + where + ")");
		}
		this.keys.put(id, HexFormat.of().parseHex(hex));
		this.current = id;
	}

	private static byte[] context(SecretField field) {
		return field.context().getBytes(StandardCharsets.UTF_8);
	}

	private static String freshKey() {
		byte[] key = new byte[Sm4.BLOCK];
		new SecureRandom().nextBytes(key);
		return HexFormat.of().formatHex(key);
	}

	private static void create(Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file,
					"# GovCloud's SM4 keys for fields at rest (ADR 0033): id:hex, the last one current.\n"
							+ "# Keep a copy: without it the encrypted fields cannot be read.\nk1:" + freshKey() + "\n",
					StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system: the directory's own permissions protect it.
			}
			logger.warn("Made a new SM4 key file {}: keep a copy of it, the encrypted fields cannot be read without it",
					file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create the SM4 key file " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static List<String> read(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the SM4 key file " + file + ": " + ex.getMessage(), ex);
		}
	}

}
