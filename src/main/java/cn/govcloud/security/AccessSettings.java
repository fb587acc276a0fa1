package cn.govcloud.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits of access grants (Art. 17).
 *
 * @param maxWindow the longest window one request may ask for
 * @param emergencyDecision how long the unit has to decide an emergency access after the
 * fact before it is flagged
 */
@ConfigurationProperties("govcloud.security.access")
record AccessSettings(@DefaultValue("72h") Duration maxWindow, @DefaultValue("24h") Duration emergencyDecision) {
}
