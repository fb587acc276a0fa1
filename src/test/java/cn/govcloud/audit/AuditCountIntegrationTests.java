package cn.govcloud.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.shared.CityTime;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards' "records today" is kept and topped up with the records chained since
 * (issue 13, ADR 0052): it stays the count PostgreSQL gives, also when a record chained
 * later carries an earlier time (a read taken before midnight and chained after it).
 */
@GovCloudIntegrationTest
class AuditCountIntegrationTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void recordsSinceAMomentAreCountedAsTheyAreChained() {
		Instant today = CityTime.startOf(CityTime.today());
		assertCounted(today);
		for (int i = 0; i < 3; i++) {
			this.trail.recordAs("tester", "测试单位", "test.count", "count-" + i, AuditOutcome.SUCCESS, null);
		}
		assertCounted(today);
		// chained now, taken before the moment: not counted; one after it: counted
		new TransactionTemplate(this.transactions)
			.executeWithoutResult((status) -> ChainAppend.append(this.jdbc, this.template,
					List.of(new ChainAppend.Entry(today.minus(Duration.ofMinutes(5)), "tester", "测试单位", "test.count",
							"before", AuditOutcome.SUCCESS, "127.0.0.1", null),
							new ChainAppend.Entry(today.plus(Duration.ofMinutes(5)), "tester", "测试单位", "test.count",
									"after", AuditOutcome.SUCCESS, "127.0.0.1", null))));
		assertCounted(today);
		assertCounted(today.minus(Duration.ofHours(1)));
		assertThat(this.trail.countSince(Instant.now().plus(Duration.ofDays(1)))).isZero();
		assertCounted(today);
	}

	private void assertCounted(Instant from) {
		long before = exact(from);
		long counted = this.trail.countSince(from);
		long after = exact(from);
		assertThat(counted).as("records since %s", from).isBetween(before, after);
	}

	private long exact(Instant from) {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE occurred_at >= :from")
			.param("from", Timestamp.from(from))
			.query(Long.class)
			.single();
	}

}
