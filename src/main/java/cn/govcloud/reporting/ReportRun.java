package cn.govcloud.reporting;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

import cn.govcloud.calendar.WorkingCalendars;
import cn.govcloud.reporting.ReportDrafting.Party;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.Timestamps;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drafts every unit's report for the month before, on the 1st (Art. 12;
 * {@code govcloud.reporting.draft-cron}, by default 01:00 city time; {@code -} turns it
 * off), once per cluster: a node drafts only when its insert of the month's row in
 * {@code reporting_job_run} is the first (ON CONFLICT DO NOTHING), so other nodes and
 * reruns do nothing. The Commission may start a month by hand; the same row shows the
 * progress, and a second start while one runs is refused. Each report is written in its
 * own transaction: a failure leaves the others and is counted.
 */
@Component
class ReportRun {

	static final String JOB = "monthly-report";

	private static final Logger log = LoggerFactory.getLogger(ReportRun.class);

	private final JdbcClient jdbc;

	private final ReportDrafting drafting;

	private final ReportStore store;

	private final TransactionTemplate transactions;

	private final TaskExecutor executor;

	private final WorkingCalendars calendars;

	private final ObligationStore obligations;

	ReportRun(JdbcClient jdbc, ReportDrafting drafting, ReportStore store, TransactionTemplate transactions,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, WorkingCalendars calendars,
			ObligationStore obligations) {
		this.jdbc = jdbc;
		this.drafting = drafting;
		this.store = store;
		this.transactions = transactions;
		this.executor = executor;
		this.calendars = calendars;
		this.obligations = obligations;
	}

	@Scheduled(cron = "${govcloud.reporting.draft-cron:0 0 1 1 * *}", zone = "Asia/Shanghai")
	void monthly() {
		YearMonth month = YearMonth.from(CityTime.today()).minusMonths(1);
		if (claim(month, false)) {
			draftAll(month);
		}
	}

	/**
	 * Starts drafting {@code month} in the background (the Commission, by hand).
	 * @throws ConflictException while a run of the month is under way
	 */
	void start(YearMonth month) {
		if (!month.isBefore(YearMonth.from(CityTime.today()))) {
			throw cn.govcloud.shared.InvalidInputException.of("month", "report.run.monthNotOver");
		}
		if (!claim(month, true)) {
			throw new ConflictException("report.run.busy", month.toString());
		}
		this.executor.execute(() -> draftAll(month));
	}

	/**
	 * Drafts every report of the month now, in this thread.
	 * @return how many drafts were written
	 */
	int draftAll(YearMonth month) {
		try {
			return draftEach(month, this.drafting.draft(month, null));
		}
		finally {
			this.jdbc.sql("UPDATE reporting_job_run SET finished_at = now() WHERE job = :job AND period = :period")
				.param("job", JOB)
				.param("period", Date.valueOf(month.atDay(1)))
				.update();
		}
	}

	private int draftEach(YearMonth month, Map<Party, ReportContent> drafts) {
		progress(month, "total = :n", drafts.size());
		LocalDate due = dueOn(month);
		int written = 0;
		for (Map.Entry<Party, ReportContent> draft : drafts.entrySet()) {
			try {
				Boolean saved = this.transactions
					.execute((tx) -> this.store.saveDraft(draft.getKey(), month, draft.getValue(), due, Instant.now()));
				written += Boolean.TRUE.equals(saved) ? 1 : 0;
				progress(month, "done = done + :n", 1);
			}
			catch (RuntimeException ex) {
				log.warn("Report of {} for {} not drafted", draft.getKey(), month, ex);
				progress(month, "failed = failed + :n", 1);
			}
		}
		return written;
	}

	/** Drafts one unit's reports of a month now (tests, and a unit's regeneration). */
	int draftUnit(YearMonth month, java.util.UUID unitId) {
		LocalDate due = dueOn(month);
		int written = 0;
		for (Map.Entry<Party, ReportContent> draft : this.drafting.draft(month, unitId).entrySet()) {
			Boolean saved = this.transactions
				.execute((tx) -> this.store.saveDraft(draft.getKey(), month, draft.getValue(), due, Instant.now()));
			written += Boolean.TRUE.equals(saved) ? 1 : 0;
		}
		return written;
	}

	/**
	 * Art. 12 as the Commission set the monthly report's rule: by default the 5th working
	 * day of the next month.
	 */
	LocalDate dueOn(YearMonth month) {
		return this.obligations.rule(ObligationKind.MONTHLY_REPORT).dueOn(month.atDay(1), this.calendars.calendar());
	}

	/**
	 * Takes the month's row: the first insert wins; by hand, a finished run may be
	 * started again.
	 */
	boolean claim(YearMonth month, boolean byHand) {
		String again = byHand ? """
				DO UPDATE SET started_at = now(), finished_at = NULL, total = 0, done = 0, failed = 0
				WHERE reporting_job_run.finished_at IS NOT NULL""" : "DO NOTHING";
		return this.jdbc.sql("""
				INSERT INTO reporting_job_run (job, period, started_at) VALUES (:job, :period, now())
				ON CONFLICT (job, period) """ + again)
			.param("job", JOB)
			.param("period", Date.valueOf(month.atDay(1)))
			.update() == 1;
	}

	/** The month's run, if any has started. */
	Optional<Progress> progress(YearMonth month) {
		return this.jdbc.sql(
				"SELECT started_at, finished_at, total, done, failed FROM reporting_job_run WHERE job = :job AND period = :period")
			.param("job", JOB)
			.param("period", Date.valueOf(month.atDay(1)))
			.query((rs, n) -> new Progress(month, rs.getTimestamp(1).toInstant(),
					Timestamps.instant(rs.getTimestamp(2)), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
			.optional();
	}

	private void progress(YearMonth month, String set, int n) {
		this.jdbc.sql("UPDATE reporting_job_run SET " + set + " WHERE job = :job AND period = :period")
			.param("n", n)
			.param("job", JOB)
			.param("period", Date.valueOf(month.atDay(1)))
			.update();
	}

	/** How far a month's drafting has come. */
	record Progress(YearMonth month, Instant startedAt, Instant finishedAt, int total, int done, int failed) {

		public int percent() {
			return (this.total == 0) ? ((this.finishedAt != null) ? 100 : 0)
					: 100 * (this.done + this.failed) / this.total;
		}

	}

}
