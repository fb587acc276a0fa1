package cn.govcloud.shared.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Simplified Chinese by default, English as the second language; {@code ?lang=en} or
 * {@code ?lang=zh-CN} switches and a cookie remembers the choice.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("govcloud-lang");
		resolver.setDefaultLocaleFunction(LocaleConfiguration::defaultLocale);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/**
	 * Pages speak Simplified Chinese until the person switches. API callers may ask for
	 * English with {@code Accept-Language}.
	 */
	static Locale defaultLocale(HttpServletRequest request) {
		String accept = request.getHeader("Accept-Language");
		boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		if (api && accept != null && accept.toLowerCase(Locale.ROOT).startsWith("en")) {
			return Locale.ENGLISH;
		}
		return Locale.SIMPLIFIED_CHINESE;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
