package cn.govcloud;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * GovCloud (政务云管理平台): runs a city's government extranet cloud platform under the Yixing
 * management measures.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GovCloudApplication {

	public static void main(String[] args) {
		SpringApplication.run(GovCloudApplication.class, args);
	}

}
