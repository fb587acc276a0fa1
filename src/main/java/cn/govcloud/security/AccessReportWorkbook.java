package cn.govcloud.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import cn.govcloud.security.AccessReport.Emergency;
import cn.govcloud.security.AccessReport.Violation;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.SpreadsheetText;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The monthly access report as an Excel workbook (Art. 17): the figures, the emergency
 * accesses, the violations. Counts are number cells; every text cell — names, sessions,
 * people typed by the supplier's bastion host — goes through
 * {@link SpreadsheetText#safe(String)} so that none becomes a formula.
 */
final class AccessReportWorkbook {

	private AccessReportWorkbook() {
	}

	static byte[] write(AccessReport report) {
		try (Workbook book = new XSSFWorkbook()) {
			Sheet figures = book.createSheet("访问月报");
			int r = 0;
			r = line(figures, r, "使用单位", report.unitName());
			r = line(figures, r, "月份", report.month().toString());
			r = line(figures, r, "运维服务商", (report.supplierName() != null) ? report.supplierName() : "全部");
			r = line(figures, r, "申请访问", report.requested());
			r = line(figures, r, "批准", report.approved());
			r = line(figures, r, "拒绝", report.refused());
			r = line(figures, r, "提前撤销", report.revoked());
			r = line(figures, r, "紧急访问", report.emergencies().size());
			r = line(figures, r, "紧急访问按时补批", report.emergenciesApprovedInTime());
			r = line(figures, r, "紧急访问逾期或未批", report.emergenciesLateOrUndecided());
			r = line(figures, r, "访问会话", report.sessions());
			line(figures, r, "违规访问", report.violations().size());
			figures.setColumnWidth(0, 24 * 256);
			figures.setColumnWidth(1, 30 * 256);
			Sheet emergencies = table(book, "紧急访问", List.of("编号", "运维服务商", "P1 工单", "开始时间", "补批时间", "结果"));
			int e = 1;
			for (Emergency emergency : report.emergencies()) {
				cells(emergencies.createRow(e++), emergency.number(), emergency.supplierName(),
						emergency.ticketNumber(), CityTime.minutes(emergency.openedAt()),
						CityTime.minutes(emergency.decidedAt()), emergency.outcome().name());
			}
			Sheet violations = table(book, "违规访问", List.of("人员", "实例", "开始时间", "结束时间", "来源地址", "会话编号", "运维服务商"));
			int v = 1;
			for (Violation violation : report.violations()) {
				cells(violations.createRow(v++), violation.person(), violation.instanceName(),
						CityTime.minutes(violation.startedAt()), CityTime.minutes(violation.endedAt()),
						violation.sourceAddress(), violation.sessionId(), violation.supplierName());
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int line(Sheet sheet, int r, String label, Object value) {
		Row row = sheet.createRow(r);
		row.createCell(0).setCellValue(label);
		if (value instanceof Number number) {
			row.createCell(1).setCellValue(number.doubleValue());
		}
		else {
			row.createCell(1).setCellValue(SpreadsheetText.safe(String.valueOf(value)));
		}
		return r + 1;
	}

	private static Sheet table(Workbook book, String name, List<String> headers) {
		Sheet sheet = book.createSheet(name);
		Row head = sheet.createRow(0);
		for (int i = 0; i < headers.size(); i++) {
			head.createCell(i).setCellValue(headers.get(i));
			sheet.setColumnWidth(i, 18 * 256);
		}
		return sheet;
	}

	private static void cells(Row row, String... values) {
		for (int i = 0; i < values.length; i++) {
			if (values[i] != null) {
				row.createCell(i).setCellValue(SpreadsheetText.safe(values[i]));
			}
		}
	}

}
