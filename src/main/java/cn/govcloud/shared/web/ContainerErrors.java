package cn.govcloud.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Requests the servlet container refuses before GovCloud sees them (a NUL in the path, a
 * request line or header too long) get GovCloud's problem answer (or, for a browser, a
 * short page) instead of the container's own page naming its version.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		// Runs after Boot's customizer, whose valve it replaces.
		factory.addContextCustomizers((context) -> {
			for (Valve valve : context.getParent().getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					context.getParent().getPipeline().removeValve(valve);
				}
			}
			context.getParent().getPipeline().addValve(new ProblemReportValve());
			// Otherwise the host adds Tomcat's own valve beside it when it starts.
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	public static final class ProblemReportValve extends ErrorReportValve {

		public ProblemReportValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			String accept = String.valueOf(request.getHeader("Accept")).toLowerCase(Locale.ROOT);
			boolean english = String.valueOf(request.getHeader("Accept-Language"))
				.toLowerCase(Locale.ROOT)
				.startsWith("en");
			String title = english ? "The request cannot be read" : "请求无法解析";
			String detail = english ? "The address, its parameters or the headers are malformed or too long."
					: "请求的地址、参数或请求头格式不正确或过长。";
			try {
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				Writer writer = response.getReporter();
				if (writer == null) {
					return;
				}
				if (accept.contains("text/html")) {
					response.setContentType("text/html");
					writer.write("<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>" + title
							+ "</title></head><body><h1>" + title + "</h1><p>" + detail + "</p></body></html>");
				}
				else {
					response.setContentType("application/problem+json");
					writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
							+ ",\"detail\":\"" + detail + "\",\"errors\":[{\"field\":\"request\",\"message\":\""
							+ detail + "\"}]}");
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The connection is gone or the answer already started: nothing more to
				// say.
			}
		}

	}

}
