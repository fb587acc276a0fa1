package cn.govcloud.inventory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** IP addresses as the supplier types them: IPv4 or IPv6 literals, never host names. */
class InstanceCheckTests {

	@Test
	void acceptsIpv4AndIpv6Literals() {
		assertThat(InstanceCheck.isIp("10.0.0.1")).isTrue();
		assertThat(InstanceCheck.isIp("255.255.255.255")).isTrue();
		assertThat(InstanceCheck.isIp("fd00::1")).isTrue();
		assertThat(InstanceCheck.isIp("2001:db8:0:0:0:0:0:1")).isTrue();
	}

	@Test
	void refusesEverythingElseWithoutALookup() {
		assertThat(InstanceCheck.isIp("10.0.0.256")).isFalse();
		assertThat(InstanceCheck.isIp("10.0.0")).isFalse();
		assertThat(InstanceCheck.isIp("010.0.0.1")).isFalse();
		assertThat(InstanceCheck.isIp("localhost")).isFalse();
		assertThat(InstanceCheck.isIp("example.com")).isFalse();
		assertThat(InstanceCheck.isIp("fd00:::1:zz")).isFalse();
		assertThat(InstanceCheck.isIp("")).isFalse();
	}

}
