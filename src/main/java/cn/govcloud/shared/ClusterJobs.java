package cn.govcloud.shared;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Scheduled jobs that must run once per cluster, however many GovCloud nodes share the
 * PostgreSQL (issue 19): each node's scheduler fires, and only the node that takes the
 * job's lock row (ShedLock, table {@code cluster_job_lock}, the database's clock) runs
 * it. A job holds its lock while it runs (at most {@code atMost}, in case its node dies)
 * and for at least {@code atLeast} from its start, so another node's timer firing a
 * moment later does not run it again. Each node counts, per job, the runs it made and the
 * firings it left to another node ({@code govcloud_cluster_job_total{job,outcome}} at
 * {@code /actuator/prometheus}), so operators and the two-node test see one run per
 * cluster.
 */
@Component
public class ClusterJobs {

	private final LockingTaskExecutor executor;

	private final MeterRegistry meters;

	ClusterJobs(JdbcTemplate jdbc, MeterRegistry meters) {
		this.meters = meters;
		this.executor = new DefaultLockingTaskExecutor(
				new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
					.withJdbcTemplate(jdbc)
					.withTableName("cluster_job_lock")
					.usingDbTime()
					.build()));
	}

	/**
	 * Runs the job here unless another node runs it now or started it less than
	 * {@code atLeast} ago.
	 * @return whether the job ran on this node
	 */
	public boolean once(String name, Duration atMost, Duration atLeast, Runnable job) {
		LockConfiguration lock = new LockConfiguration(Instant.now(), name, atMost, atLeast);
		try {
			TaskResult<Boolean> result = this.executor.executeWithLock(() -> {
				job.run();
				return true;
			}, lock);
			count(name, result.wasExecuted() ? "ran" : "skipped");
			return result.wasExecuted();
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Job " + name + " failed", ex);
		}
	}

	private void count(String job, String outcome) {
		Counter.builder("govcloud.cluster.job")
			.description(
					"Firings of a cluster-wide scheduled job on this node: ran here, or skipped (another node has it)")
			.tag("job", job)
			.tag("outcome", outcome)
			.register(this.meters)
			.increment();
	}

}
