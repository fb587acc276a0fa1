package cn.govcloud.reporting;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;

import cn.govcloud.shared.CityTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Past months' reports and obligations for a generated world (issue 15), so a newcomer
 * finds the calendar and the reports as after months of use: the last {@code months}
 * months are drafted from the world's figures as the 1st's run does, and their
 * obligations generated; those whose due day has passed are submitted (a few days before
 * the due day, one in five late) and most acknowledged by the unit, the other obligations
 * submitted and accepted, some late, a few returned with a reason or left open. The
 * newest month stays a draft while its due day is ahead. The steps are written as the
 * decisions would have left them, without notices (they are history).
 */
@Component
public class ReportHistory {

	private final ReportRun run;

	private final ObligationPlan plan;

	private final JdbcClient jdbc;

	ReportHistory(ReportRun run, ObligationPlan plan, JdbcClient jdbc) {
		this.run = run;
		this.plan = plan;
		this.jdbc = jdbc;
	}

	/**
	 * @return how many reports were drafted
	 */
	public int write(int months) {
		LocalDate today = CityTime.today();
		YearMonth current = YearMonth.from(today);
		int drafted = 0;
		for (int back = months; back >= 1; back--) {
			YearMonth month = current.minusMonths(back);
			if (this.run.claim(month, true)) {
				drafted += this.run.draftAll(month);
			}
			this.plan.generate(month.atDay(1));
		}
		this.plan.generate(today);
		submitReports(today);
		settleObligations(today);
		return drafted;
	}

	/**
	 * Reports past their due day: submitted (one in five late), four in five
	 * acknowledged.
	 */
	private void submitReports(LocalDate today) {
		this.jdbc
			.sql("""
					WITH past AS (
					    SELECT r.id, s.name AS supplier, u.name AS unit,
					           (r.due_on + CASE WHEN n % 5 = 0 THEN 3 + n % 4 ELSE -(1 + n % 6) END) + time '10:30' AS submitted,
					           n % 5 <> 1 AS acknowledged
					    FROM (SELECT r.*, row_number() OVER (ORDER BY r.month, r.number)::int AS n FROM reporting_report r
					          WHERE r.status = 'DRAFT' AND r.due_on < :today) r
					    JOIN organization s ON s.id = r.supplier_id JOIN organization u ON u.id = r.unit_id
					), submitted AS (
					    UPDATE reporting_report r
					    SET status = CASE WHEN p.acknowledged THEN 'ACKNOWLEDGED' ELSE 'SUBMITTED' END,
					        narrative = '本月各云主机运行平稳，未发生影响业务的重大故障；已按计划完成补丁更新和巡检。',
					        submitted_at = p.submitted AT TIME ZONE 'Asia/Shanghai',
					        decided_by = CASE WHEN p.acknowledged THEN p.unit ELSE p.supplier END,
					        decided_at = (p.submitted + CASE WHEN p.acknowledged THEN interval '2 days' ELSE interval '0' END)
					                     AT TIME ZONE 'Asia/Shanghai'
					    FROM past p WHERE r.id = p.id
					    RETURNING r.id, r.status, r.submitted_at, r.decided_at
					)
					INSERT INTO reporting_report_event (report_id, occurred_at, action)
					SELECT id, submitted_at, 'SUBMITTED' FROM submitted
					UNION ALL SELECT id, decided_at, 'ACKNOWLEDGED' FROM submitted WHERE status = 'ACKNOWLEDGED'
					""")
			.param("today", Date.valueOf(today))
			.update();
		this.jdbc.sql("""
				UPDATE reporting_obligation o
				SET status = CASE WHEN r.status = 'ACKNOWLEDGED' THEN 'ACCEPTED' ELSE 'SUBMITTED' END,
				    submitted_at = r.submitted_at, report_id = r.id,
				    decided_by = CASE WHEN r.status = 'ACKNOWLEDGED' THEN '全市政务云管理委员会' END,
				    decided_at = CASE WHEN r.status = 'ACKNOWLEDGED' THEN r.decided_at END
				FROM reporting_report r
				WHERE o.kind = 'MONTHLY_REPORT' AND o.status = 'OPEN' AND r.status <> 'DRAFT'
				  AND r.unit_id = o.unit_id AND r.supplier_id = o.supplier_id AND r.month = o.period_start
				""").update();
	}

	/**
	 * The other obligations past their due day: mostly accepted, one in six late, one in
	 * twelve returned with a reason, one in twenty never submitted.
	 */
	private void settleObligations(LocalDate today) {
		this.jdbc
			.sql("""
					WITH past AS (
					    SELECT o.id, n % 60 AS fate, (o.due_on - (1 + n % 5)) + time '15:00' AS submitted
					    FROM (SELECT o.*, row_number() OVER (ORDER BY o.due_on, o.kind, o.supplier_id)::int AS n FROM reporting_obligation o
					          WHERE o.kind <> 'MONTHLY_REPORT' AND o.status = 'OPEN' AND o.due_on < :today) o
					), settled AS (
					    UPDATE reporting_obligation o
					    SET status = CASE WHEN p.fate < 5 THEN 'RETURNED' ELSE 'ACCEPTED' END,
					        submitted_at = (p.submitted + CASE WHEN p.fate % 6 = 0 THEN interval '9 days' ELSE interval '0' END)
					                       AT TIME ZONE 'Asia/Shanghai',
					        note = CASE o.kind WHEN 'SECURITY_BULLETIN' THEN '本月安全通报：已处置高危漏洞并完成基线核查。'
					                           WHEN 'EMERGENCY_DRILL' THEN '已完成年度应急演练，演练报告见附件。'
					                           WHEN 'TRAINING' THEN '本季度已组织运维与安全培训，签到表见附件。'
					                           ELSE '本季度已完成备份恢复测试，恢复结果正常。' END,
					        decided_by = '全市政务云管理委员会',
					        decided_at = (p.submitted + interval '3 days') AT TIME ZONE 'Asia/Shanghai',
					        return_reason = CASE WHEN p.fate < 5 THEN '材料不完整，请补充签到表和现场照片后重新提交。' END
					    FROM past p WHERE o.id = p.id AND p.fate >= 3
					    RETURNING o.id, o.status, o.submitted_at, o.decided_at
					)
					INSERT INTO reporting_obligation_event (obligation_id, occurred_at, action, reason)
					SELECT id, submitted_at, 'SUBMITTED', NULL FROM settled
					UNION ALL SELECT id, decided_at, status, CASE WHEN status = 'RETURNED' THEN '材料不完整' END FROM settled
					""")
			.param("today", Date.valueOf(today))
			.update();
	}

}
