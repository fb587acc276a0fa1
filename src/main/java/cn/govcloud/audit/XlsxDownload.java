package cn.govcloud.audit;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Sends an audit export as the response: the headers are set only when the workbook is
 * ready, so a failure before still gets a proper error answer.
 */
final class XlsxDownload {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")
		.withZone(AuditFilter.CITY_TIME);

	private XlsxDownload() {
	}

	static void send(AuditExport export, AuditFilter filter, HttpServletResponse response) throws IOException {
		String filename = "audit-" + STAMP.format(Instant.now()) + ".xlsx";
		export.write(filter, LocaleContextHolder.getLocale(), () -> {
			response.setContentType(AuditExport.CONTENT_TYPE);
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString());
			return response.getOutputStream();
		});
	}

}
