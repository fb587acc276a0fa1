package cn.govcloud.shared;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Whether GovCloud runs on its embedded PostgreSQL or an external server, and whether
 * demo data is wanted.
 */
@Component
public class DatabaseMode {

	private final Environment environment;

	DatabaseMode(Environment environment) {
		this.environment = environment;
	}

	public boolean embedded() {
		return !StringUtils.hasText(this.environment.getProperty("spring.datasource.url"));
	}

	/**
	 * {@code govcloud.demo-data}: {@code auto} (demo data on the embedded default only),
	 * true or false.
	 */
	public boolean demoData() {
		String setting = this.environment.getProperty("govcloud.demo-data", "auto");
		return "auto".equalsIgnoreCase(setting) ? embedded() : Boolean.parseBoolean(setting);
	}

}
