package cn.govcloud.shared.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import cn.govcloud.shared.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.thymeleaf.context.LazyContextVariable;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The layout's side menu, rendered once per set of roles and language and kept (issue
 * 13): its ~40 entries, each a permission check, a link and a message, were most of the
 * rendering of a small page such as the dashboard, on every page anyone opened. What the
 * menu shows depends only on the person's roles ({@code @may.to}, ADR 0015) and the
 * language, so the kept HTML is the same as a fresh one. The template is
 * {@code fragments/menu.html}; the layout inserts the page's {@code menu} with
 * {@code th:utext}, which loads it only when a page is rendered for someone signed in.
 */
@ControllerAdvice(annotations = Controller.class)
class Menus {

	private final ObjectProvider<ISpringTemplateEngine> engine;

	private final ApplicationContext context;

	private final Map<Key, String> kept = new ConcurrentHashMap<>();

	Menus(ObjectProvider<ISpringTemplateEngine> engine, ApplicationContext context) {
		this.engine = engine;
		this.context = context;
	}

	@ModelAttribute("menu")
	LazyContextVariable<String> menu() {
		return new LazyContextVariable<>() {
			@Override
			protected String loadValue() {
				return current();
			}
		};
	}

	/** The signed-in person's menu, in the request's language. */
	String current() {
		Authentication who = SecurityContextHolder.getContext().getAuthentication();
		Locale locale = bundle(LocaleContextHolder.getLocale());
		Key key = new Key(PermissionChecks.roles(who), locale);
		String menu = this.kept.get(key);
		if (menu == null) {
			menu = render(locale);
			this.kept.putIfAbsent(key, menu);
		}
		return menu;
	}

	/**
	 * The language whose messages a locale gets: English for English, the default
	 * (Simplified Chinese) bundle for any other — {@code ?lang=} takes any locale, and a
	 * menu kept per locale asked for would let anyone fill the memory.
	 */
	static Locale bundle(Locale locale) {
		return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
	}

	private String render(Locale locale) {
		ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		HttpServletRequest request = new OwnAttributes(current.getRequest());
		WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, current.getResponse()), locale);
		context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.context, null));
		return this.engine.getObject().process("fragments/menu", Set.of("menu"), context);
	}

	private record Key(Set<Role> roles, Locale locale) {
	}

	/**
	 * The request with attributes of its own: Thymeleaf keeps a web context's variables
	 * in the request's attributes, and the page being rendered keeps its own there.
	 */
	private static final class OwnAttributes extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		OwnAttributes(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			return this.attributes.containsKey(name) ? this.attributes.get(name) : super.getAttribute(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return Collections.enumeration(this.attributes.keySet());
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.put(name, null);
		}

	}

}
