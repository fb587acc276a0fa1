package cn.govcloud.identity;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Boot configures Spring Session's PostgreSQL repository (schedule of the expired
 * sessions' removal, cookie, serialisation); GovCloud only puts {@link QuietSessions} in
 * front of it. Defining a repository bean of our own would switch Boot's configuration
 * off.
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

}
