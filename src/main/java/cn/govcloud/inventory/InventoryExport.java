package cn.govcloud.inventory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.SpreadsheetText;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The inventory as an Excel workbook, with the list's filters and scope (a unit its own
 * instances, a supplier those of its orders). Every text cell goes through
 * {@link SpreadsheetText#safe(String)}: names and zones are typed by suppliers, and a
 * cell starting with {@code =} must never become a formula.
 */
@Service
class InventoryExport {

	private static final Logger log = LoggerFactory.getLogger(InventoryExport.class);

	/** At most this many instances in one file. */
	static final int MAX_ROWS = 100_000;

	private static final String[] HEADERS = { "名称 name", "应用系统 system", "资源种类 kind", "实例 ID instance id", "IP 地址 IP",
			"规格 spec", "可用区 zone", "状态 state", "计费起始 billed from" };

	private final Inventory inventory;

	InventoryExport(Inventory inventory) {
		this.inventory = inventory;
	}

	/**
	 * The first workbook of a JVM loads and initialises POI's OOXML classes: 4-5 s alone
	 * at tier L on a busy machine (issue 13, ADR 0043), which the first person to export
	 * waited for, and the tail of the load test with them. One small workbook is written
	 * in the background once GovCloud has started.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		Thread thread = new Thread(() -> {
			try (Workbook book = new SXSSFWorkbook(100)) {
				book.createSheet("warm-up").createRow(0).createCell(0).setCellValue("GovCloud");
				book.write(OutputStream.nullOutputStream());
			}
			catch (IOException | RuntimeException ex) {
				log.debug("Excel warm-up failed: {}", ex.toString());
			}
		}, "excel-warm-up");
		thread.setDaemon(true);
		thread.start();
	}

	public byte[] write(DataScope scope, InventoryFilter filter) {
		List<Instance> instances = this.inventory.all(scope, filter, MAX_ROWS);
		try (Workbook book = new SXSSFWorkbook(100)) {
			Sheet sheet = book.createSheet("inventory");
			Row head = sheet.createRow(0);
			for (int i = 0; i < HEADERS.length; i++) {
				head.createCell(i).setCellValue(HEADERS[i]);
				sheet.setColumnWidth(i, 22 * 256);
			}
			int r = 1;
			for (Instance instance : instances) {
				row(sheet.createRow(r++), instance);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void row(Row row, Instance instance) {
		text(row, 0, instance.name());
		text(row, 1, instance.systemName());
		text(row, 2, instance.kind());
		text(row, 3, instance.cloudInstanceId());
		text(row, 4, String.join(", ", instance.ipAddresses()));
		text(row, 5, spec(instance.spec()));
		text(row, 6, instance.zone());
		text(row, 7, instance.state().name());
		text(row, 8, (instance.activeFrom() != null) ? instance.activeFrom().toString() : "");
	}

	private static String spec(Map<String, Object> spec) {
		StringBuilder text = new StringBuilder();
		spec.forEach(
				(key, value) -> text.append((text.length() > 0) ? ", " : "").append(key).append('=').append(value));
		return text.toString();
	}

	private static void text(Row row, int column, String value) {
		row.createCell(column).setCellValue(SpreadsheetText.safe((value != null) ? value : ""));
	}

}
