package cn.govcloud.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import cn.govcloud.reporting.ReportContent.Figures;
import cn.govcloud.reporting.ReportContent.InstanceUsage;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.SpreadsheetText;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report as an Excel workbook: a cover, then one sheet per section. Figures are number
 * cells (ratios as percentages, network in bit/s, fees in CNY); every text cell goes
 * through {@link SpreadsheetText#safe(String)}, since names and the supplier's narrative
 * are typed by people and must never become formulas.
 */
final class ReportWorkbook {

	private ReportWorkbook() {
	}

	static byte[] write(ReportView view) {
		MonthlyReport r = view.report();
		ReportContent c = view.content();
		try (Workbook book = new XSSFWorkbook()) {
			sheet(book, "封面", List.of("项目", "内容"),
					List.of(new Object[] { "报告编号", r.number() }, new Object[] { "月份", r.period() },
							new Object[] { "使用单位", r.unitName() }, new Object[] { "运维服务商", r.supplierName() },
							new Object[] { "版本", r.version() }, new Object[] { "状态", r.status().name() },
							new Object[] { "提交期限", r.dueOn().toString() },
							new Object[] { "提交时间", (r.submittedAt() != null) ? CityTime.minutes(r.submittedAt()) : "" },
							new Object[] { "运维服务商说明", r.narrative() }, new Object[] { "运维服务商建议", r.suggestions() },
							new Object[] { "备份", (c.operations().backups() != null) ? "见“备份”表" : "尚未记录" }));
			sheet(book, "资源使用",
					List.of("实例", "信息系统", "类型", "规格", "CPU 平均%", "CPU P95%", "CPU 最高%", "内存 平均%", "内存 P95%", "内存 最高%",
							"磁盘 挂载点", "磁盘 P95%", "磁盘 最高%", "网络入 P95 bit/s", "网络出 P95 bit/s", "上月 CPU 平均%", "上月内存 平均%",
							"闲置", "高负载"),
					usage(c.utilisation()));
			List<Object[]> tickets = new ArrayList<>();
			c.operations()
				.tickets()
				.forEach((t) -> tickets.add(new Object[] { t.category(), t.priority(), t.tickets(), t.responded(),
						t.respondedInTime(), t.resolved(), t.resolvedInTime(), t.breaches() }));
			sheet(book, "工单", List.of("类别", "优先级", "工单数", "已响应", "按时响应", "已解决", "按时解决", "超时"), tickets);
			List<Object[]> incidents = new ArrayList<>();
			c.operations()
				.incidents()
				.forEach((i) -> incidents.add(new Object[] { i.number(), i.title(), i.systemName(),
						CityTime.minutes(i.openedAt()), i.resolutionMinutes(), i.breached() ? "是" : "否" }));
			sheet(book, "P1故障", List.of("编号", "标题", "信息系统", "开单时间", "解决用时（分钟）", "超时"), incidents);
			ReportContent.Operations o = c.operations();
			sheet(book, "变更", List.of("项目", "数量"),
					List.of(new Object[] { "新增申请", o.newApplications() },
							new Object[] { "变更申请", o.changeApplications() },
							new Object[] { "批准的申请", o.approvedApplications() }, new Object[] { "合同变更", o.amendments() },
							new Object[] { "开通的实例", o.provisioned() }, new Object[] { "回收的实例", o.reclaimed() }));
			ReportContent.Backups b = o.backups();
			if (b != null) {
				sheet(book, "备份", List.of("项目", "数量"),
						List.of(new Object[] { "有备份策略的实例", b.instances() }, new Object[] { "应备份周期", b.periods() },
								new Object[] { "已备份", b.met() }, new Object[] { "失败", b.failed() },
								new Object[] { "漏备", b.missed() }, new Object[] { "恢复测试", b.restoreTests() },
								new Object[] { "恢复测试失败", b.restoreTestsFailed() }));
			}
			List<Object[]> suggestions = new ArrayList<>();
			c.suggestions()
				.forEach((s) -> suggestions
					.add(new Object[] { s.instanceName(), s.code(), percent(s.cpuP95()), percent(s.memoryP95()) }));
			sheet(book, "优化建议", List.of("实例", "类型", "CPU P95%", "内存 P95%"), suggestions);
			List<Object[]> fees = new ArrayList<>();
			c.fees().forEach((f) -> fees.add(new Object[] { f.contractNumber(), f.systemName(), f.amount() }));
			fees.add(new Object[] { "合计", null, c.feeTotal() });
			sheet(book, "费用", List.of("合同", "信息系统", "本月费用（元）"), fees);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Object[]> usage(List<InstanceUsage> lines) {
		List<Object[]> rows = new ArrayList<>();
		for (InstanceUsage u : lines) {
			rows.add(new Object[] { u.name(), u.systemName(), u.kind(), u.spec(), avg(u.cpu()), p95(u.cpu()),
					max(u.cpu()), avg(u.memory()), p95(u.memory()), max(u.memory()),
					(u.disk() != null) ? u.disk().dimension() : null, p95(u.disk()), max(u.disk()),
					(u.netIn() != null) ? u.netIn().p95() : null, (u.netOut() != null) ? u.netOut().p95() : null,
					percent(u.cpuBefore()), percent(u.memoryBefore()), u.idle() ? "是" : "否", u.hot() ? "是" : "否" });
		}
		return rows;
	}

	private static Double avg(Figures f) {
		return (f != null) ? percent(f.avg()) : null;
	}

	private static Double p95(Figures f) {
		return (f != null) ? percent(f.p95()) : null;
	}

	private static Double max(Figures f) {
		return (f != null) ? percent(f.max()) : null;
	}

	private static Double percent(Double ratio) {
		return (ratio != null) ? ratio * 100 : null;
	}

	/**
	 * One sheet: a header row, then a row per item; numbers as numbers, text made safe.
	 */
	private static void sheet(Workbook book, String name, List<String> headers, List<Object[]> rows) {
		Sheet sheet = book.createSheet(name);
		Row head = sheet.createRow(0);
		for (int i = 0; i < headers.size(); i++) {
			head.createCell(i).setCellValue(headers.get(i));
			sheet.setColumnWidth(i, 16 * 256);
		}
		int r = 1;
		for (Object[] values : rows) {
			Row row = sheet.createRow(r++);
			for (int i = 0; i < values.length; i++) {
				Object value = values[i];
				if (value instanceof Number number) {
					row.createCell(i).setCellValue(number.doubleValue());
				}
				else if (value != null) {
					row.createCell(i).setCellValue(SpreadsheetText.safe(value.toString()));
				}
			}
		}
	}

}
