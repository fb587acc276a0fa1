package cn.govcloud;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both languages stay complete: the same keys, no empty text, every key a template names
 * exists.
 */
class MessageBundlesTests {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9._]*)[}(]");

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		Properties chinese = load("messages.properties");
		Properties english = load("messages_en.properties");
		assertThat(new TreeSet<>(english.stringPropertyNames()))
			.as("keys of messages_en.properties vs messages.properties")
			.isEqualTo(new TreeSet<>(chinese.stringPropertyNames()));
	}

	@Test
	void noMessageIsEmpty() throws IOException {
		for (String bundle : new String[] { "messages.properties", "messages_en.properties" }) {
			Properties messages = load(bundle);
			for (String key : messages.stringPropertyNames()) {
				assertThat(messages.getProperty(key)).as("%s in %s", key, bundle).isNotBlank();
			}
		}
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter((p) -> p.toString().endsWith(".html")).toList()) {
				Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					if (!keys.contains(matcher.group(1))) {
						missing.add(matcher.group(1) + " (" + template.getFileName() + ")");
					}
				}
			}
		}
		assertThat(missing).as("message keys used in templates but missing in the bundles").isEmpty();
	}

	@Test
	void chineseIsReallyChinese() throws IOException {
		Properties chinese = load("messages.properties");
		assertThat(chinese.getProperty("app.name")).isEqualTo("政务云管理平台");
		assertThat(chinese.getProperty("login.submit")).isEqualTo("登录");
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
