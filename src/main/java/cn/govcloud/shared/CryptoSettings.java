package cn.govcloud.shared;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the SM4 keys for fields at rest come from (ADR 0033).
 *
 * @param keys keys given directly, each {@code id:32 hex digits}, the last one current;
 * when empty the key file is used
 * @param keyFile a file of such lines, the last one current; made with a fresh key when
 * missing
 * @param rotate run once to add a key and re-encrypt every field under it, then stop
 */
@ConfigurationProperties("govcloud.crypto")
record CryptoSettings(@DefaultValue List<String> keys, @DefaultValue("./data/keys/sm4.keys") Path keyFile,
		@DefaultValue("false") boolean rotate) {
}
