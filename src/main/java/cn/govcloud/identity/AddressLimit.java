package cn.govcloud.identity;

import java.sql.Timestamp;
import java.time.Instant;

import cn.govcloud.organization.SecurityPolicies;
import cn.govcloud.organization.SecurityPolicy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins are limited per client address as well as per account (issue 19): an
 * address with the policy's number of failures (wrong passwords, unknown usernames, wrong
 * codes) within its window may not try again until older failures leave the window. Kept
 * in PostgreSQL, so every node counts the same failures.
 */
@Component
class AddressLimit {

	private final JdbcClient jdbc;

	private final SecurityPolicies policies;

	AddressLimit(JdbcClient jdbc, SecurityPolicies policies) {
		this.jdbc = jdbc;
		this.policies = policies;
	}

	boolean blocked(String address) {
		SecurityPolicy policy = this.policies.current();
		return this.jdbc.sql("""
				SELECT count(*) FROM identity_login_failure WHERE address = :address AND failed_at > :since
				""")
			.param("address", key(address))
			.param("since", Timestamp.from(Instant.now().minus(policy.addressWindow())))
			.query(Long.class)
			.single() >= policy.addressMaxFailures();
	}

	@Transactional
	void failed(String address) {
		Instant now = Instant.now();
		this.jdbc.sql("DELETE FROM identity_login_failure WHERE address = :address AND failed_at < :before")
			.param("address", key(address))
			.param("before", Timestamp.from(now.minus(this.policies.current().addressWindow())))
			.update();
		this.jdbc.sql("INSERT INTO identity_login_failure (address, failed_at) VALUES (:address, :now)")
			.param("address", key(address))
			.param("now", Timestamp.from(now))
			.update();
	}

	private static String key(String address) {
		return (address == null) ? "-" : (address.length() > 64) ? address.substring(0, 64) : address;
	}

}
