package cn.govcloud.identity;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Boot configures Spring Session's PostgreSQL repository (schedule of the expired
 * sessions' removal, cookie, serialisation); GovCloud only puts {@link QuietSessions} in
 * front of it and {@link SessionReads} before Spring Session's filter. Defining a
 * repository bean of our own would switch Boot's configuration off.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	@Bean
	static BeanPostProcessor quietSessions() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository sessions) ? new QuietSessions(sessions) : bean;
			}
		};
	}

	@Bean
	static FilterRegistrationBean<SessionReads> sessionReads() {
		FilterRegistrationBean<SessionReads> registration = new FilterRegistrationBean<>(new SessionReads());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		return registration;
	}

}
