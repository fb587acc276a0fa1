package cn.govcloud;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.transform.TransformerFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The XML factories GovCloud names are the ones the JDK would have found by itself, so
 * naming them changes what is searched, not what is used: a misspelt name would fail
 * every Excel export.
 */
class XmlFactoriesTests {

	@Test
	void theNamedFactoriesAreTheJdksDefaults() {
		assertThat(GovCloudApplication.XML_FACTORIES).containsOnlyKeys(TransformerFactory.class.getName(),
				DocumentBuilderFactory.class.getName(), SAXParserFactory.class.getName(),
				XMLInputFactory.class.getName(), XMLOutputFactory.class.getName(), XMLEventFactory.class.getName());
		assertThat(GovCloudApplication.XML_FACTORIES)
			.containsEntry(TransformerFactory.class.getName(),
					TransformerFactory.newDefaultInstance().getClass().getName())
			.containsEntry(DocumentBuilderFactory.class.getName(),
					DocumentBuilderFactory.newDefaultInstance().getClass().getName())
			.containsEntry(SAXParserFactory.class.getName(), SAXParserFactory.newDefaultInstance().getClass().getName())
			.containsEntry(XMLInputFactory.class.getName(), XMLInputFactory.newDefaultFactory().getClass().getName())
			.containsEntry(XMLOutputFactory.class.getName(), XMLOutputFactory.newDefaultFactory().getClass().getName())
			.containsEntry(XMLEventFactory.class.getName(), XMLEventFactory.newDefaultFactory().getClass().getName());
	}

}
