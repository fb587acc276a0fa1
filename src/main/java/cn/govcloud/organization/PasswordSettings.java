package cn.govcloud.organization;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The password policy, defaulting to 等保 level 3 practice.
 *
 * @param minLength at least this many characters
 * @param minClasses at least this many of lower case, upper case, digits, other
 * characters
 * @param history a new password may not be one of the last this many
 * @param maxAge a password older than this must be changed at the next login
 * @param hash how new passwords are hashed: {@code argon2} or {@code pbkdf2-sm3}; hashes
 * of the other kind are upgraded at the next successful login
 */
@ConfigurationProperties("govcloud.security.password")
record PasswordSettings(@DefaultValue("8") int minLength, @DefaultValue("3") int minClasses,
		@DefaultValue("5") int history, @DefaultValue("90d") Duration maxAge, @DefaultValue("argon2") String hash) {
}
