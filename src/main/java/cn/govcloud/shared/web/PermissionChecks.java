package cn.govcloud.shared.web;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.Role;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Enforces {@link Allowed @Allowed} on controllers and APIs, and gives templates the same
 * rules as the bean {@code may}: {@code th:if="${@may.to('REVIEW_APPLICATIONS')}"} (ADR
 * 0015). A name that is no {@link Permission} fails the page, and
 * {@code PermissionModelTests} checks every template's names at build time.
 */
@Configuration(proxyBeanMethods = false)
class PermissionChecks {

	@Bean
	@org.springframework.context.annotation.Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor allowedAuthorization() {
		ComposablePointcut pointcut = new ComposablePointcut(new AnnotationMatchingPointcut(Allowed.class, true))
			.union(new AnnotationMatchingPointcut(null, Allowed.class, true));
		AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(
				pointcut, PermissionChecks::authorize);
		interceptor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder());
		return interceptor;
	}

	@Bean("may")
	static May may() {
		return new May();
	}

	private static AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			MethodInvocation invocation) {
		Allowed allowed = allowedOn(invocation);
		return new AuthorizationDecision(allowed != null && holdsAny(authentication.get(), allowed.value()));
	}

	private static Allowed allowedOn(MethodInvocation invocation) {
		Object target = invocation.getThis();
		Class<?> type = (target != null) ? AopUtils.getTargetClass(target) : invocation.getMethod().getDeclaringClass();
		Method method = AopUtils.getMostSpecificMethod(invocation.getMethod(), type);
		Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(method, Allowed.class);
		return (allowed != null) ? allowed : AnnotatedElementUtils.findMergedAnnotation(type, Allowed.class);
	}

	static boolean holdsAny(Authentication who, Permission... permissions) {
		Set<Role> roles = roles(who);
		for (Permission permission : permissions) {
			if (permission.grantedToAny(roles)) {
				return true;
			}
		}
		return false;
	}

	/** The roles of a signed-in person; none for nobody or an anonymous one. */
	static Set<Role> roles(Authentication who) {
		return signedIn(who) ? roles(who.getAuthorities()) : EnumSet.noneOf(Role.class);
	}

	private static boolean signedIn(Authentication who) {
		return who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
	}

	private static Set<Role> roles(Collection<? extends GrantedAuthority> authorities) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Role role : Role.values()) {
			for (GrantedAuthority granted : authorities) {
				if (role.authority().equals(granted.getAuthority())) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

	/** The templates' question: may the signed-in person do this? */
	public static final class May {

		/**
		 * @param permission the name of a {@link Permission}; an unknown name is an error
		 * in the template, never a silent "no"
		 */
		public boolean to(String permission) {
			return holdsAny(SecurityContextHolder.getContext().getAuthentication(), Permission.valueOf(permission));
		}

		/** Whether someone is signed in (the layout's top bar and menu). */
		public boolean signedIn() {
			return PermissionChecks.signedIn(SecurityContextHolder.getContext().getAuthentication());
		}

	}

}
