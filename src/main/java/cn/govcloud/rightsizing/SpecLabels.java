package cn.govcloud.rightsizing;

import java.util.Map;

import cn.govcloud.catalogue.ResourceKinds;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Specs as people read them on the rightsizing pages, in the reader's language. */
@Component("rightsizingSpecs")
class SpecLabels {

	private final ResourceKinds kinds;

	SpecLabels(ResourceKinds kinds) {
		this.kinds = kinds;
	}

	public String describe(String kind, Map<String, Object> spec) {
		return this.kinds.find(kind)
			.map((k) -> k.describe(spec, LocaleContextHolder.getLocale()))
			.orElse(spec.toString());
	}

}
