package cn.govcloud.security;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The yearly emergency drill (Art. 14): planned, reported once. */
class DrillTests {

	private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

	@Test
	void aPlannedDrillIsReportedOnceWithItsReportAndAnnouncesItsYear() {
		Drill planned = drill(Drill.Status.PLANNED);
		var change = planned.report(" 演练顺利，切换耗时 12 分钟 ", UUID.randomUUID(), "张三", AT);
		assertThat(change.to()).isEqualTo("REPORTED");
		assertThat(change.columns()).containsEntry("report", "演练顺利，切换耗时 12 分钟");
		assertThat(change.event().year()).isEqualTo(2026);
		assertThatThrownBy(() -> drill(Drill.Status.REPORTED).report("again", UUID.randomUUID(), "张三", AT))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void aReportIsRequiredAndBounded() {
		assertThatThrownBy(() -> drill(Drill.Status.PLANNED).report("  ", UUID.randomUUID(), "张三", AT))
			.isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).problems().get(0).field()).isEqualTo("report"));
		assertThatThrownBy(() -> drill(Drill.Status.PLANNED).report("字".repeat(Drill.REPORT_LIMIT + 1),
				UUID.randomUUID(), "张三", AT))
			.isInstanceOf(InvalidInputException.class);
	}

	private static Drill drill(Drill.Status status) {
		return new Drill(UUID.randomUUID(), UUID.randomUUID(), "供应商", 2026, "方案", "数据库主备切换", LocalDate.of(2026, 11, 20),
				"运维组", status, (status == Drill.Status.REPORTED) ? "报告" : null,
				(status == Drill.Status.REPORTED) ? "张三" : null, (status == Drill.Status.REPORTED) ? AT : null);
	}

}
