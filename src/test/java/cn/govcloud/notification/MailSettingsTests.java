package cn.govcloud.notification;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailSettingsTests {

	private final MailSettings settings = new MailSettings("govcloud@yixing.test", Duration.ofMinutes(1),
			Duration.ofMinutes(10), 8);

	@Test
	void eachWaitDoublesTheOneBeforeUntilTheLongestWait() {
		assertThat(this.settings.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.settings.retryAfter(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(this.settings.retryAfter(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(this.settings.retryAfter(4)).isEqualTo(Duration.ofMinutes(8));
		assertThat(this.settings.retryAfter(5)).isEqualTo(Duration.ofMinutes(10));
		assertThat(this.settings.retryAfter(500)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void aSubjectCarriesOneShortLineOfTheNotice() {
		assertThat(NoticeMailText.headline("合同\n 已备案。")).isEqualTo("合同 已备案。");
		String longText = "资".repeat(100);
		assertThat(NoticeMailText.headline(longText)).hasSize(NoticeMailText.SUBJECT_TEXT_LENGTH).endsWith("…");
	}

}
