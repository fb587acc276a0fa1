package cn.govcloud.shared;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.govcloud.GovCloudIntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two nodes on one PostgreSQL (the second one's {@link ClusterJobs} made here): a
 * scheduled job runs on one of them only.
 */
@GovCloudIntegrationTest
class ClusterJobsIntegrationTests {

	@Autowired
	ClusterJobs node;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aDailyJobFiredOnTwoNodesRunsOnce() {
		ClusterJobs other = new ClusterJobs(this.jdbc, new SimpleMeterRegistry());
		String job = "test.daily-" + UUID.randomUUID();
		AtomicInteger runs = new AtomicInteger();
		assertThat(this.node.once(job, Duration.ofHours(1), Duration.ofHours(1), runs::incrementAndGet)).isTrue();
		assertThat(other.once(job, Duration.ofHours(1), Duration.ofHours(1), runs::incrementAndGet)).isFalse();
		assertThat(this.node.once(job, Duration.ofHours(1), Duration.ofHours(1), runs::incrementAndGet)).isFalse();
		assertThat(runs).hasValue(1);
		assertThat(this.node.once(job + "-another", Duration.ofHours(1), Duration.ZERO, runs::incrementAndGet))
			.isTrue();
	}

	@Test
	void whileOneNodeRunsAJobTheOtherSkipsItAndRunsItAfterwards() throws Exception {
		ClusterJobs other = new ClusterJobs(this.jdbc, new SimpleMeterRegistry());
		String job = "test.frequent-" + UUID.randomUUID();
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Boolean> first = CompletableFuture
			.supplyAsync(() -> this.node.once(job, Duration.ofMinutes(5), Duration.ZERO, () -> {
				running.countDown();
				await(release);
			}));
		assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
		AtomicInteger runs = new AtomicInteger();
		assertThat(other.once(job, Duration.ofMinutes(5), Duration.ZERO, runs::incrementAndGet)).isFalse();
		release.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(other.once(job, Duration.ofMinutes(5), Duration.ZERO, runs::incrementAndGet)).isTrue();
		assertThat(runs).hasValue(1);
	}

	@Test
	void aJobThatFailsLetsTheNextRunGoAhead() {
		String job = "test.failing-" + UUID.randomUUID();
		assertThatThrownBy(() -> this.node.once(job, Duration.ofMinutes(5), Duration.ZERO, () -> {
			throw new IllegalStateException("the job failed");
		})).hasMessage("the job failed");
		AtomicInteger runs = new AtomicInteger();
		assertThat(new ClusterJobs(this.jdbc, new SimpleMeterRegistry()).once(job, Duration.ofMinutes(5), Duration.ZERO,
				runs::incrementAndGet))
			.isTrue();
		assertThat(runs).hasValue(1);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
