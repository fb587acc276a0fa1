package cn.govcloud.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Audit records stay online at least 180 days (issue 19, 等保 level 3): less is refused.
 */
class AuditSettingsTests {

	@Test
	void theDefaultsKeepRecords180DaysUnderTheDataDirectory() {
		AuditSettings settings = bind(Map.of());
		assertThat(settings.retention().online()).isEqualTo(Duration.ofDays(180));
		assertThat(settings.retention().directory()).isEqualTo(Path.of("data/audit/archive"));
		assertThat(settings.anchor().directory()).isEqualTo(Path.of("data/audit/anchors"));
	}

	@Test
	void aYearIsAcceptedAnd179DaysAreRefusedWithAClearMessage() {
		assertThat(bind(Map.of("govcloud.audit.retention.online", "365d")).retention().online())
			.isEqualTo(Duration.ofDays(365));
		assertThatThrownBy(() -> bind(Map.of("govcloud.audit.retention.online", "179d")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessage("govcloud.audit.retention.online is 179 days; audit records must stay online at least "
					+ "180 days (等保 level 3)");
		assertThatThrownBy(() -> bind(Map.of("govcloud.audit.retention.online", "4000h")))
			.isInstanceOf(BindException.class);
	}

	private static AuditSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("govcloud.audit",
				AuditSettings.class);
	}

}
