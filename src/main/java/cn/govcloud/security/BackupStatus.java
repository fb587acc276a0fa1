package cn.govcloud.security;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.govcloud.security.BackupSchedule.Outcome;
import cn.govcloud.security.BackupSchedule.Period;

/**
 * How a policy's backups went in a month (Art. 16): per instance it covers, the scheduled
 * periods, the failed or missed ones flagged.
 *
 * @param lastRestoreTest the policy's latest restore test up to the month's end, or
 * {@code null}
 */
public record BackupStatus(BackupPolicy policy, List<InstanceBackups> instances, RestoreTest lastRestoreTest) {

	public long expected() {
		return this.instances.stream().mapToLong(InstanceBackups::expected).sum();
	}

	public long met() {
		return count(Outcome.MET);
	}

	public long failed() {
		return count(Outcome.FAILED);
	}

	public long missed() {
		return count(Outcome.MISSED);
	}

	public LocalDate lastRestoreTestOn() {
		return (this.lastRestoreTest != null) ? this.lastRestoreTest.testedOn() : null;
	}

	private long count(Outcome outcome) {
		return this.instances.stream().mapToLong((i) -> i.count(outcome)).sum();
	}

	/** One instance's scheduled periods in the month. */
	public record InstanceBackups(UUID instanceId, String instanceName, List<Period> periods) {

		/** The periods over by now. */
		public long expected() {
			return this.periods.stream().filter((p) -> p.outcome() != Outcome.PENDING).count();
		}

		/** The failed and missed periods. */
		public List<Period> flagged() {
			return this.periods.stream()
				.filter((p) -> p.outcome() == Outcome.FAILED || p.outcome() == Outcome.MISSED)
				.toList();
		}

		long count(Outcome outcome) {
			return this.periods.stream().filter((p) -> p.outcome() == outcome).count();
		}

	}

}
