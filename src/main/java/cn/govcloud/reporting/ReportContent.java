package cn.govcloud.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a monthly report says (Art. 12: a utilisation table of the unit's resources, an
 * O&amp;M report and optimisation suggestions), drafted from the other modules' figures
 * and stored with the report, so a submitted report keeps the figures it was submitted
 * with.
 *
 * @param utilisation one line per instance that ran in the month, by name
 * @param feeTotal the sum of {@code fees}
 */
public record ReportContent(List<InstanceUsage> utilisation, Operations operations, List<Suggestion> suggestions,
		List<Fee> fees, BigDecimal feeTotal) {

	public ReportContent {
		utilisation = List.copyOf(utilisation);
		suggestions = List.copyOf(suggestions);
		fees = List.copyOf(fees);
	}

	/**
	 * One instance in the month.
	 *
	 * @param cpu {@code null} when no samples arrived in the month (so for the others)
	 * @param disk the busiest mountpoint (highest p95), network the busiest device
	 * @param cpuBefore the average CPU of the month before, {@code null} without samples
	 */
	public record InstanceUsage(String name, String systemName, String kind, String spec, Figures cpu, Figures memory,
			Figures disk, Figures netIn, Figures netOut, Double cpuBefore, Double memoryBefore, boolean idle,
			boolean hot) {
	}

	/**
	 * Average, 95th percentile and maximum of one metric over the month (ratios 0..1 for
	 * CPU, memory, disk; bits per second for network).
	 *
	 * @param dimension the mountpoint or device, empty for CPU and memory
	 */
	public record Figures(String dimension, double avg, double p95, double max) {
	}

	/**
	 * The O&amp;M part: tickets opened in the month, the P1 faults, the changes, and the
	 * backups (Art. 16).
	 *
	 * @param backups the month's backups under the supplier's policies; {@code null} in
	 * reports drafted before backups were recorded, and when the unit has no policy
	 */
	public record Operations(List<TicketLine> tickets, List<Incident> incidents, int newApplications,
			int changeApplications, int approvedApplications, int amendments, int provisioned, int reclaimed,
			Backups backups) {

		public Operations {
			tickets = List.copyOf(tickets);
			incidents = List.copyOf(incidents);
		}

		public Operations(List<TicketLine> tickets, List<Incident> incidents, int newApplications,
				int changeApplications, int approvedApplications, int amendments, int provisioned, int reclaimed) {
			this(tickets, incidents, newApplications, changeApplications, approvedApplications, amendments, provisioned,
					reclaimed, null);
		}

	}

	/**
	 * The month's backups (Art. 16): the instances under a policy, the scheduled periods
	 * over by drafting time and how they went, and the restore tests.
	 */
	public record Backups(int instances, int periods, int met, int failed, int missed, int restoreTests,
			int restoreTestsFailed) {
	}

	/** Tickets of one category and priority, and how many met their targets (Art. 19). */
	public record TicketLine(String category, String priority, int tickets, int responded, int respondedInTime,
			int resolved, int resolvedInTime, int breaches) {

		/** Share resolved within target, 0–100, {@code null} with none resolved. */
		public Integer resolutionAttainment() {
			return (this.resolved == 0) ? null : (int) Math.round(100.0 * this.resolvedInTime / this.resolved);
		}

	}

	/** A P1 fault. {@code resolutionMinutes} is {@code null} while it is unresolved. */
	public record Incident(String number, String title, String systemName, Instant openedAt, Integer resolutionMinutes,
			boolean breached) {
	}

	/**
	 * An optimisation suggestion from the stated thresholds ({@link UsageThresholds}).
	 *
	 * @param code {@code IDLE} or {@code HOT}
	 * @param cpuP95 {@code null} without samples
	 */
	public record Suggestion(String instanceName, String code, Double cpuP95, Double memoryP95) {
	}

	/** One contract's fee for the month. */
	public record Fee(String contractNumber, String systemName, BigDecimal amount, int amendments) {
	}

}
