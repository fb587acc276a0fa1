package cn.govcloud.shared.web;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class TimesTests {

	private final Times times = new Times(bundles());

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void spansReadAsMinutesHoursOrDaysWithoutThousandsSeparators() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(this.times.duration(45)).isEqualTo("45 分钟");
		assertThat(this.times.duration(1128)).isEqualTo("18 小时 48 分");
		assertThat(this.times.duration(3 * 1440 + 125)).isEqualTo("3 天 2 小时");
		assertThat(this.times.duration(480)).isEqualTo("8 小时");
		assertThat(this.times.duration(2 * 1440)).isEqualTo("2 天");
		assertThat(this.times.duration(null)).isEqualTo("—");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.times.duration(1128)).isEqualTo("18 h 48 min");
	}

}
