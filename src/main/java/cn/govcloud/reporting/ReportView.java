package cn.govcloud.reporting;

import java.util.List;

/**
 * A report as its page shows it: the version, its stored figures, and every version of
 * the same unit's, supplier's and month's report (newest first).
 */
public record ReportView(MonthlyReport report, ReportContent content, List<MonthlyReport> versions) {

	public ReportView {
		versions = List.copyOf(versions);
	}

	/** Whether a later version corrects this one. */
	public boolean superseded() {
		return this.versions.stream().anyMatch((other) -> other.version() > this.report.version());
	}

}
