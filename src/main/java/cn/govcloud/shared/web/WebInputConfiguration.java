package cn.govcloud.shared.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import cn.govcloud.shared.InputBounds;
import cn.govcloud.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@link InputBounds} for what is not JSON: the input guard in front of everything,
 * dates, instants and decimals in query parameters, and the file names of uploads.
 */
@Configuration(proxyBeanMethods = false)
class WebInputConfiguration implements WebMvcConfigurer {

	@Bean
	FilterRegistrationBean<InputGuardFilter> inputGuard(ProblemWriter problems,
			@Value("${govcloud.web.max-json-body:2MB}") DataSize maxJsonBody) {
		FilterRegistrationBean<InputGuardFilter> registration = new FilterRegistrationBean<>(
				new InputGuardFilter(problems, maxJsonBody));
		// After the character encoding filter (so forms decode as UTF-8) and the session
		// filter (Spring Session's, HIGHEST_PRECEDENCE + 50: the guard looks for a
		// signed-in
		// session before an upload is read), before security.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 60);
		return registration;
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(LocalDate.class, new Bounded<>(WebInputConfiguration::date));
		registry.addFormatterForFieldType(Instant.class, new Bounded<>(WebInputConfiguration::instant));
		registry.addFormatterForFieldType(BigDecimal.class, new Bounded<>(WebInputConfiguration::decimal));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (request instanceof MultipartHttpServletRequest upload) {
					upload.getFileMap().forEach((part, file) -> {
						String name = file.getOriginalFilename();
						if (name != null && !InputBounds.fitsFileName(name)) {
							throw InvalidInputException.of(part, "error.upload.fileName");
						}
					});
				}
				return true;
			}
		});
	}

	private static LocalDate date(String text) {
		LocalDate date = LocalDate.parse(text.strip());
		if (!InputBounds.fitsDate(date)) {
			throw new RefusedValueException("error.date.range");
		}
		return date;
	}

	private static Instant instant(String text) {
		Instant instant = Instant.parse(text.strip());
		if (!InputBounds.fitsDate(LocalDate.ofInstant(instant, ZoneOffset.UTC))) {
			throw new RefusedValueException("error.date.range");
		}
		return instant;
	}

	private static BigDecimal decimal(String text) {
		BigDecimal number = new BigDecimal(text.strip());
		if (!InputBounds.fitsDecimal(number)) {
			throw new RefusedValueException("error.number.range");
		}
		return number;
	}

	private interface Parse<T> {

		T parse(String text);

	}

	/** Parses with a bound; prints as {@code toString()} (ISO for dates and instants). */
	private record Bounded<T>(Parse<T> parse) implements Formatter<T> {

		@Override
		public T parse(String text, Locale locale) {
			try {
				return this.parse.parse(text);
			}
			catch (DateTimeParseException | NumberFormatException | ArithmeticException ex) {
				throw new RefusedValueException("error.field.format");
			}
		}

		@Override
		public String print(T value, Locale locale) {
			return (value instanceof BigDecimal number) ? number.toPlainString() : value.toString();
		}

	}

}
