package cn.govcloud.shared.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import cn.govcloud.shared.InputBounds;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every JSON body keeps {@link InputBounds}: a text with a NUL or another control
 * character, a number beyond the columns (however it is written, e.g.
 * {@code 1E+1000000}), a date outside 1900–2999 or written as a number of days are
 * refused while the body is read, naming the field, before any service sees them.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputBounds {

	/** The message code travels in the exception's text, behind this mark. */
	static final String CODE_MARK = "govcloud-code:";

	@Bean
	JsonMapperBuilderCustomizer boundedInput() {
		return (builder) -> builder.addModule(module());
	}

	static SimpleModule module() {
		SimpleModule module = new SimpleModule("govcloud-input-bounds");
		module.addDeserializer(String.class, new Text());
		module.addDeserializer(BigDecimal.class, new Decimal());
		module.addDeserializer(Double.class, new FiniteDouble());
		module.addDeserializer(LocalDate.class, new Date());
		return module;
	}

	private static MismatchedInputException refused(JsonParser parser, Class<?> type, String code) {
		return MismatchedInputException.from(parser, type, CODE_MARK + code);
	}

	static final class Text extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String text = super.deserialize(parser, context);
			if (text != null && InputBounds.hasControlCharacter(text)) {
				throw refused(parser, String.class, "error.text.control");
			}
			return text;
		}

	}

	static final class Decimal extends ValueDeserializer<BigDecimal> {

		@Override
		public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
			BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
			if (value != null && !InputBounds.fitsDecimal(value)) {
				throw refused(parser, BigDecimal.class, "error.number.range");
			}
			return value;
		}

	}

	static final class FiniteDouble extends ValueDeserializer<Double> {

		@Override
		public Double deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT) && !parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
				throw refused(parser, Double.class, "error.json.value");
			}
			double value = parser.getDoubleValue();
			if (!Double.isFinite(value)) {
				throw refused(parser, Double.class, "error.number.range");
			}
			return value;
		}

	}

	/** ISO dates only ({@code 2026-12-03}): a number of days since 1970 is refused. */
	static final class Date extends ValueDeserializer<LocalDate> {

		@Override
		public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				throw refused(parser, LocalDate.class, "error.date.format");
			}
			String text = parser.getString().trim();
			if (text.isEmpty()) {
				return null;
			}
			LocalDate date;
			try {
				date = LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw refused(parser, LocalDate.class, "error.date.format");
			}
			if (!InputBounds.fitsDate(date)) {
				throw refused(parser, LocalDate.class, "error.date.range");
			}
			return date;
		}

	}

}
