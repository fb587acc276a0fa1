package cn.govcloud;

import java.util.Map;

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

	/**
	 * The JDK's own XML factories, named: without a name, each {@code newInstance()} (POI
	 * asks for a transformer at every Excel export) searched every jar of the executable
	 * jar for a provider through Spring Boot's nested-jar class loader, and none ships
	 * one (issue 13, ADR 0053). A name given on the command line is kept.
	 */
	static final Map<String, String> XML_FACTORIES = Map.of("javax.xml.transform.TransformerFactory",
			"com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl",
			"javax.xml.parsers.DocumentBuilderFactory",
			"com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl", "javax.xml.parsers.SAXParserFactory",
			"com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl", "javax.xml.stream.XMLInputFactory",
			"com.sun.xml.internal.stream.XMLInputFactoryImpl", "javax.xml.stream.XMLOutputFactory",
			"com.sun.xml.internal.stream.XMLOutputFactoryImpl", "javax.xml.stream.XMLEventFactory",
			"com.sun.xml.internal.stream.events.XMLEventFactoryImpl");

	public static void main(String[] args) {
		XML_FACTORIES.forEach((name, implementation) -> {
			if (System.getProperty(name) == null) {
				System.setProperty(name, implementation);
			}
		});
		SpringApplication.run(GovCloudApplication.class, args);
	}

}
