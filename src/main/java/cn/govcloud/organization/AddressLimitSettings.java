package cn.govcloud.organization;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * After {@code maxFailures} failed sign-ins from one client address within
 * {@code window}, that address may not try again until older failures leave the window.
 */
@ConfigurationProperties("govcloud.security.address-limit")
record AddressLimitSettings(@DefaultValue("20") int maxFailures, @DefaultValue("10m") Duration window) {
}
