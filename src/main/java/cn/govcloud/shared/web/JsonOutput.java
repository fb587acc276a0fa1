package cn.govcloud.shared.web;

import java.time.Instant;
import java.time.LocalDate;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Instants are written as before ({@code 2026-11-28T10:00:00Z}, ISO-8601 in UTC, the
 * fraction in groups of three digits as {@link Instant#toString()} writes it), without a
 * {@code DateTimeFormatter}: a chart's hundreds of points spent a sixth of the chart
 * API's Java time formatting them (issue 13, ADR 0052).
 */
@Configuration(proxyBeanMethods = false)
class JsonOutput {

	@Bean
	JsonMapperBuilderCustomizer fastInstants() {
		return (builder) -> builder.addModule(new SimpleModule("govcloud-instants").addSerializer(new IsoInstant()));
	}

	static final class IsoInstant extends StdSerializer<Instant> {

		IsoInstant() {
			super(Instant.class);
		}

		@Override
		public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(format(value));
		}

	}

	/** Years of four digits, written here; the others by {@link Instant#toString()}. */
	private static final long FIRST = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();

	private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

	/** The same text as {@link Instant#toString()}. */
	static String format(Instant instant) {
		long seconds = instant.getEpochSecond();
		if (seconds < FIRST || seconds > LAST) {
			return instant.toString();
		}
		LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
		int year = date.getYear();
		int ofDay = (int) Math.floorMod(seconds, 86_400);
		int nano = instant.getNano();
		char[] text = new char[(nano == 0) ? 20 : (nano % 1_000_000 == 0) ? 24 : (nano % 1_000 == 0) ? 27 : 30];
		digits(text, 0, year, 4);
		text[4] = '-';
		digits(text, 5, date.getMonthValue(), 2);
		text[7] = '-';
		digits(text, 8, date.getDayOfMonth(), 2);
		text[10] = 'T';
		digits(text, 11, ofDay / 3600, 2);
		text[13] = ':';
		digits(text, 14, ofDay / 60 % 60, 2);
		text[16] = ':';
		digits(text, 17, ofDay % 60, 2);
		if (nano != 0) {
			text[19] = '.';
			int width = text.length - 21;
			digits(text, 20, nano / ((width == 3) ? 1_000_000 : (width == 6) ? 1_000 : 1), width);
		}
		text[text.length - 1] = 'Z';
		return new String(text);
	}

	private static void digits(char[] text, int at, int value, int width) {
		for (int i = at + width - 1; i >= at; i--) {
			text[i] = (char) ('0' + value % 10);
			value /= 10;
		}
	}

}
