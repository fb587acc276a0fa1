package cn.govcloud.notification;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NoticeTests {

	@Test
	void argumentsBecomeTheirText() {
		Notice notice = Notice.of(NoticeCategory.TASK, "request.submitted", "宜兴市公安局", 3, null);
		assertThat(notice.args()).containsExactly("宜兴市公安局", "3", "");
		assertThat(notice.link()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/inbox", "/requests/42?tab=lines#cuts", "/a%20b" })
	void linksToAPathOfThisSite(String link) {
		assertThat(Notice.of(NoticeCategory.INFO, "x").linkingTo(link).link()).isEqualTo(link);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)",
			"inbox", "", "/a b", "/请求", "/line\nbreak" })
	void neverLinksAwayFromGovCloud(String link) {
		Notice notice = Notice.of(NoticeCategory.INFO, "x");
		assertThatIllegalArgumentException().isThrownBy(() -> notice.linkingTo(link));
	}

	@Test
	void refusesAnOverlongLink() {
		Notice notice = Notice.of(NoticeCategory.INFO, "x");
		assertThatIllegalArgumentException().isThrownBy(() -> notice.linkingTo("/" + "a".repeat(500)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "1abc", "has space", "a{0}" })
	void needsAMessageCode(String code) {
		assertThatIllegalArgumentException().isThrownBy(() -> Notice.of(NoticeCategory.INFO, code));
	}

	@Test
	void limitsTheArguments() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> new Notice(NoticeCategory.INFO, "x", Collections.nCopies(Notice.MAX_ARGS + 1, "a"), null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Notice.of(NoticeCategory.INFO, "x", "a".repeat(Notice.MAX_ARG_LENGTH + 1)));
		assertThat(new Notice(NoticeCategory.INFO, "x", null, null).args()).isEmpty();
	}

	@Test
	void keepsItsOwnCopyOfTheArguments() {
		List<String> args = new java.util.ArrayList<>(List.of("a"));
		Notice notice = new Notice(NoticeCategory.INFO, "x", args, null);
		args.add("b");
		assertThat(notice.args()).containsExactly("a");
	}

}
