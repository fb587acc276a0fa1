package cn.govcloud.metering;

import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.metering.MeteringFixtures.Host;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instance matcher reads only the instances that changed since its last read (issue
 * 12, ADR 0036), and a change is matched at the next read.
 */
@GovCloudIntegrationTest
class InstanceMatcherIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InstanceMatcher matcher;

	@Test
	void aReloadReadsOnlyTheChangedInstancesAndMatchesThem() {
		MeteringFixtures fixtures = new MeteringFixtures(this.jdbc, this.port);
		UUID supplier = fixtures.newSupplier();
		UUID unit = fixtures.organizationOf("unitadmin");
		for (int i = 0; i < 5; i++) {
			fixtures.host(unit, supplier);
		}
		this.matcher.refresh();
		long generation = this.matcher.generation();
		this.matcher.refresh();
		assertThat(this.matcher.generation()).as("nothing changed").isEqualTo(generation);

		Host host = fixtures.host(unit, supplier);
		assertThat(this.matcher.matchValue(supplier, host.ip()).instanceId()).isNull();
		this.matcher.refresh();
		assertThat(this.matcher.matchValue(supplier, host.ip()).instanceId()).isEqualTo(host.id());
		assertThat(this.matcher.generation()).isGreaterThan(generation);
		long matchable = this.jdbc.sql("SELECT count(*) FROM instance WHERE state <> 'RECLAIMED'")
			.query(Long.class)
			.single();
		assertThat(this.matcher.lastReadRows()).as("of " + matchable + " instances").isBetween(1, 6);

		this.jdbc.sql(
				"UPDATE instance SET state = 'RECLAIMED', active_from = now(), reclaimed_on = current_date WHERE id = :id")
			.param("id", host.id())
			.update();
		this.matcher.refresh();
		assertThat(this.matcher.matchValue(supplier, host.ip()).instanceId()).as("a reclaimed host").isNull();
		assertThat(this.matcher.matchValue(supplier, host.name()).instanceId()).isNull();
		assertThat(this.matcher.lastReadRows()).isBetween(1, 6);
	}

}
