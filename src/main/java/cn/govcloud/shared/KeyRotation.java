package cn.govcloud.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The rotation command (ADR 0033): started with {@code --govcloud.crypto.rotate=true},
 * GovCloud adds a fresh SM4 key to the key file (or takes the last key of
 * {@code govcloud.crypto.keys}), re-encrypts every encrypted field under it and stops.
 */
@Component
class KeyRotation implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(KeyRotation.class);

	private final CryptoSettings settings;

	private final FieldCipher cipher;

	private final FieldEncryption encryption;

	private final ConfigurableApplicationContext context;

	KeyRotation(CryptoSettings settings, FieldCipher cipher, FieldEncryption encryption,
			ConfigurableApplicationContext context) {
		this.settings = settings;
		this.cipher = cipher;
		this.encryption = encryption;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.settings.rotate()) {
			return;
		}
		String key = this.settings.keys().isEmpty() ? this.cipher.addKey() : this.cipher.currentKeyId();
		int count = this.encryption.reencrypt();
		this.encryption.reindex();
		logger.warn("SM4 key rotation: {} values re-encrypted under key '{}'; stopping", count, key);
		System.exit(SpringApplication.exit(this.context, () -> 0));
	}

}
