package cn.govcloud.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * GovCloud's static files under their own paths only
 * ({@code spring.web.resources.add-mappings} is off): Boot's default {@code /**} mapping
 * made every link a page writes ({@code @{/inventory}} and the like) a candidate static
 * resource, looked up in four class path locations of the nested jar on every render and
 * never cached, since nothing was found — half of a page's CPU at tier L (issue 13). Now
 * a link outside {@code /css}, {@code /js} and {@code /webjars} is left alone, and the
 * resolved ones are cached.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

}
