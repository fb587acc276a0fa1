package cn.govcloud.organization;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * After {@code maxFailures} wrong passwords in a row an account is locked for
 * {@code duration}.
 */
@ConfigurationProperties("govcloud.security.lockout")
record LockoutSettings(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration duration) {
}
