package cn.govcloud.audit;

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
 * The audit module's texts exist in both languages, and every key its pages and exports
 * use exists.
 */
class AuditMessagesTests {

	private static final Pattern KEY = Pattern.compile("#\\{'?(audit\\.[A-Za-z.]+)");

	@Test
	void bothLanguagesHaveTheSameAuditKeys() throws IOException {
		assertThat(auditKeys("messages_en.properties")).isEqualTo(auditKeys("messages.properties")).isNotEmpty();
	}

	@Test
	void everyKeyThePagesUseExists() throws IOException {
		Set<String> keys = auditKeys("messages.properties");
		Set<String> used = new TreeSet<>();
		try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/audit"))) {
			for (Path template : templates.toList()) {
				Matcher matcher = KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		used.removeIf((key) -> key.endsWith("."));
		assertThat(used).isNotEmpty();
		assertThat(keys).containsAll(used).containsAll(AuditExport.HEADERS).contains("audit.export.truncated");
		for (AuditOutcome outcome : AuditOutcome.values()) {
			assertThat(keys).contains("audit.outcome." + outcome);
		}
		for (VerificationResult.Problem problem : VerificationResult.Problem.values()) {
			assertThat(keys).contains("audit.problem." + problem);
		}
	}

	private static Set<String> auditKeys(String bundle) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = AuditMessagesTests.class.getResourceAsStream("/" + bundle)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Set<String> keys = new TreeSet<>();
		properties.stringPropertyNames().stream().filter((key) -> key.startsWith("audit.")).forEach(keys::add);
		return keys;
	}

}
