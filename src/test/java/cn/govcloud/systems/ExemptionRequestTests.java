package cn.govcloud.systems;

import java.time.Instant;
import java.util.UUID;

import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.StateChange;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The decision on a request for an exemption (Art. 3), without Spring or a database. */
class ExemptionRequestTests {

	static final Instant NOW = Instant.parse("2026-12-03T02:15:00Z");

	@Test
	void aGrantDecidesAPendingRequestWithAnOptionalNote() {
		StateChange<ExemptionDecided> granted = request(ExemptionState.PENDING, null).grant("审核员 王敏", NOW, "  ");
		assertThat(granted.from()).containsExactly("PENDING");
		assertThat(granted.to()).isEqualTo("GRANTED");
		assertThat(granted.columns()).containsEntry("decided_by", "审核员 王敏").containsEntry("decision_reason", null);
		assertThat(granted.event().state()).isEqualTo(ExemptionState.GRANTED);
	}

	@Test
	void aRefusalNeedsItsReason() {
		ExemptionRequest pending = request(ExemptionState.PENDING, null);
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> pending.refuse("审核员 王敏", NOW, null));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> pending.refuse("审核员 王敏", NOW, "长".repeat(HostingStatusPolicy.MAX_REASON + 1)));
		assertThat(pending.refuse("审核员 王敏", NOW, " 不适用 ").event().reason()).isEqualTo("不适用");
	}

	@Test
	void aDecidedOrWithdrawnRequestIsNotDecidedAgainAndTheLateReviewerLearnsWhoDecided() {
		ExemptionRequest withdrawn = request(ExemptionState.WITHDRAWN, "张伟");
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> withdrawn.grant("审核员 王敏", NOW, null))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo("system.exemption.decided");
				assertThat(ex.args()[1]).isEqualTo("张伟");
				assertThat(((MessageSourceResolvable) ex.args()[3]).getCodes())
					.containsExactly("system.exemption.state.WITHDRAWN");
			});
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> request(ExemptionState.GRANTED, "审核员 王敏").refuse("经信委主管 李强", NOW, "不符合"));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> request(ExemptionState.REFUSED, "审核员 王敏").withdraw("system", NOW));
	}

	static ExemptionRequest request(ExemptionState state, String decidedBy) {
		return new ExemptionRequest(UUID.randomUUID(), UUID.randomUUID(), "档案系统", UUID.randomUUID(), "市档案局", "国家规定", 1,
				state, "张伟", NOW, decidedBy, (decidedBy != null) ? NOW : null, null);
	}

}
