package cn.govcloud.notification;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.govcloud.shared.CurrentUser;

import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Remembers the language a signed-in person switches GovCloud's pages to ({@code ?lang=},
 * see {@code LocaleConfiguration}), so that their e-mails speak it too. Not for the API:
 * a program asking for English does not change its owner's e-mails.
 */
@Configuration(proxyBeanMethods = false)
class ReaderLanguage implements WebMvcConfigurer {

	private final MailPreferences preferences;

	ReaderLanguage(MailPreferences preferences) {
		this.preferences = preferences;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				remember(request);
				return true;
			}
		});
	}

	private void remember(HttpServletRequest request) {
		String lang = request.getParameter("lang");
		if (lang == null || lang.isBlank() || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return;
		}
		CurrentUser.find().ifPresent((caller) -> {
			Locale chosen;
			try {
				chosen = StringUtils.parseLocale(lang.strip());
			}
			catch (IllegalArgumentException ex) {
				return;
			}
			this.preferences.rememberLanguage(caller.userId(), chosen);
		});
	}

}
