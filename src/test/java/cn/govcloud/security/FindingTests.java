package cn.govcloud.security;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.StateChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A finding's rectification (Art. 14): respond, then verified (closed) or returned. */
class FindingTests {

	private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

	private static final UUID BY = UUID.randomUUID();

	@Test
	void theResponsiblePartyRespondsOnlyWhileOpenAndTheResponseIsKeptWithItsAuthor() {
		StateChange<FindingDecided> change = finding(FindingStatus.OPEN).respond("  已修补口令策略  ", BY, "李四", AT);
		assertThat(change.to()).isEqualTo("RESPONDED");
		assertThat(change.from()).containsExactly("OPEN");
		assertThat(change.columns()).containsEntry("response", "已修补口令策略").containsEntry("responded_by_name", "李四");
		assertThat(change.event().status()).isEqualTo(FindingStatus.RESPONDED);
		assertThatThrownBy(() -> finding(FindingStatus.RESPONDED).respond("again", BY, "李四", AT))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> finding(FindingStatus.CLOSED).respond("again", BY, "李四", AT))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void theCommissionVerifiesOrReturnsOnlyAResponseAndAReturnNeedsItsReason() {
		Finding responded = finding(FindingStatus.RESPONDED);
		assertThat(responded.verify(BY, "王五", AT).to()).isEqualTo("CLOSED");
		StateChange<FindingDecided> returned = responded.giveBack("证据不足", BY, "王五", AT);
		assertThat(returned.to()).isEqualTo("OPEN");
		assertThat(returned.history().action()).isEqualTo("RETURNED");
		assertThat(returned.columns()).containsEntry("decision_reason", "证据不足");
		assertThatThrownBy(() -> responded.giveBack(" ", BY, "王五", AT)).isInstanceOf(InvalidInputException.class)
			.satisfies((ex) -> assertThat(((InvalidInputException) ex).problems().get(0).field()).isEqualTo("reason"));
		assertThatThrownBy(() -> finding(FindingStatus.OPEN).verify(BY, "王五", AT))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> finding(FindingStatus.CLOSED).verify(BY, "王五", AT))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void aResponseLongerThanTheLimitIsRefusedNamingTheField() {
		assertThatThrownBy(() -> finding(FindingStatus.OPEN).respond("字".repeat(Finding.TEXT_LIMIT + 1), BY, "李四", AT))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(
					(ex) -> assertThat(((InvalidInputException) ex).problems().get(0).field()).isEqualTo("response"));
		assertThatThrownBy(() -> finding(FindingStatus.OPEN).respond(null, BY, "李四", AT))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aFindingIsOverdueTheDayAfterItsDeadlineUntilItIsClosed() {
		Finding open = finding(FindingStatus.OPEN);
		assertThat(open.overdue(open.deadline())).isFalse();
		assertThat(open.overdue(open.deadline().plusDays(1))).isTrue();
		assertThat(finding(FindingStatus.RESPONDED).overdue(open.deadline().plusDays(1))).isTrue();
		assertThat(finding(FindingStatus.CLOSED).overdue(open.deadline().plusDays(30))).isFalse();
	}

	@Test
	void theDeadlineFollowsTheSeverityAsConfigured() {
		InspectionSettings defaults = new InspectionSettings(7, 30, 90, 3);
		LocalDate day = LocalDate.of(2026, 12, 1);
		assertThat(defaults.deadline(FindingSeverity.HIGH, day)).isEqualTo(LocalDate.of(2026, 12, 8));
		assertThat(defaults.deadline(FindingSeverity.MEDIUM, day)).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(defaults.deadline(FindingSeverity.LOW, day)).isEqualTo(LocalDate.of(2027, 3, 1));
		assertThat(new InspectionSettings(3, 10, 20, 1).deadline(FindingSeverity.HIGH, day))
			.isEqualTo(LocalDate.of(2026, 12, 4));
	}

	@Test
	void theResponsiblePartyIsTheUnitOrTheNamedSupplier() {
		Finding unit = finding(FindingStatus.OPEN);
		assertThat(unit.responsibleParty()).isEqualTo(unit.unitId());
		UUID supplier = UUID.randomUUID();
		Finding bySupplier = new Finding(unit.id(), unit.number(), unit.inspectionId(), unit.severity(),
				unit.systemId(), unit.systemName(), unit.unitId(), Responsible.SUPPLIER, supplier, unit.description(),
				unit.deadline(), unit.status(), null, null, null, null, null, null, unit.createdAt());
		assertThat(bySupplier.responsibleParty()).isEqualTo(supplier);
	}

	private static Finding finding(FindingStatus status) {
		return new Finding(UUID.randomUUID(), "ZG2026-000001", UUID.randomUUID(), FindingSeverity.HIGH,
				UUID.randomUUID(), "政务网站", UUID.randomUUID(), Responsible.UNIT, null, "弱口令", LocalDate.of(2026, 12, 8),
				status, null, null, null, (status == FindingStatus.OPEN) ? null : "王五",
				(status == FindingStatus.OPEN) ? null : AT, null, AT);
	}

}
