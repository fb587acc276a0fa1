package cn.govcloud.notification;

import cn.govcloud.shared.CurrentUser;
import cn.govcloud.shared.GovCloudPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import org.thymeleaf.context.LazyContextVariable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The signed-in person's unread count for the badge in every page's header
 * ({@code unreadCount}). Counted only when a page is rendered, after its handler ran — so
 * a page that has just marked something read shows the new count — and never for a
 * redirect or an API answer.
 */
@ControllerAdvice(annotations = Controller.class)
class UnreadCountAdvice {

	private final Inbox inbox;

	UnreadCountAdvice(Inbox inbox) {
		this.inbox = inbox;
	}

	@ModelAttribute("unreadCount")
	LazyContextVariable<Long> unreadCount(HttpServletRequest request) {
		GovCloudPrincipal caller = CurrentUser.find().orElse(null);
		if (caller == null || answersWithBody(request)) {
			return null;
		}
		return new LazyContextVariable<>() {
			@Override
			protected Long loadValue() {
				return UnreadCountAdvice.this.inbox.unreadCount(caller.userId());
			}
		};
	}

	/** {@code @RestController}s are {@code @Controller}s too, but render no page. */
	private static boolean answersWithBody(HttpServletRequest request) {
		return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
				&& (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
						|| handler.hasMethodAnnotation(ResponseBody.class));
	}

}
