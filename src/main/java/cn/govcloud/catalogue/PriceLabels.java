package cn.govcloud.catalogue;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Names of priced items for the price pages, in the reader's language:
 * {@code ${@priceLabels.dimension(kind, 'vcpu', #locale)}}.
 */
@Component("priceLabels")
public class PriceLabels {

	private final MessageSource messages;

	PriceLabels(MessageSource messages) {
		this.messages = messages;
	}

	/** The spec field's label (e.g. "内存"), "per instance", or the dimension as given. */
	public String dimension(ResourceKind kind, String dimension, Locale locale) {
		if ("instance".equals(dimension)) {
			return this.messages.getMessage("price.dimension.instance", null, locale);
		}
		if (kind == null) {
			return dimension;
		}
		return kind.fields()
			.stream()
			.filter((field) -> field.name().equals(dimension))
			.map((field) -> field.label(locale))
			.findFirst()
			.orElse(dimension);
	}

}
