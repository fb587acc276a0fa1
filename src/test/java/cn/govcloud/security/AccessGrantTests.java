package cn.govcloud.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.security.AccessGrant.Approval;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.StateChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The grant arithmetic and the unit's decisions (Art. 17), without Spring. */
class AccessGrantTests {

	static final Instant FROM = Instant.parse("2026-12-03T01:00:00Z");

	static final Instant UNTIL = Instant.parse("2026-12-03T05:00:00Z");

	static final UUID HOST = UUID.randomUUID();

	static final UUID OTHER_HOST = UUID.randomUUID();

	static final UUID OFFICER = UUID.randomUUID();

	@Test
	void aSessionInsideTheWindowIsCoveredAndOneEndingExactlyAtTheEndToo() {
		AccessGrant grant = approved();
		assertThat(grant.covers(HOST, FROM.plusSeconds(600), FROM.plusSeconds(1200))).isTrue();
		assertThat(grant.covers(HOST, FROM, UNTIL)).isTrue();
	}

	@Test
	void aSessionStartingOneMinuteEarlyOrEndingOneMinuteLateIsAViolation() {
		AccessGrant grant = approved();
		assertThat(grant.covers(HOST, FROM.minusSeconds(60), FROM.plusSeconds(600))).isFalse();
		assertThat(grant.covers(HOST, UNTIL.minusSeconds(600), UNTIL.plusSeconds(60))).isFalse();
	}

	@Test
	void anInstanceOutsideTheGrantIsAViolation() {
		assertThat(approved().covers(OTHER_HOST, FROM.plusSeconds(60), FROM.plusSeconds(120))).isFalse();
	}

	@Test
	void aRevokedGrantNoLongerCoversFromTheRevocationOn() {
		Instant revokedAt = FROM.plus(Duration.ofHours(1));
		AccessGrant revoked = with(approved(), GrantStatus.REVOKED, revokedAt);
		assertThat(revoked.covers(HOST, FROM.plusSeconds(60), revokedAt.minusSeconds(60))).isTrue();
		assertThat(revoked.covers(HOST, revokedAt.plusSeconds(60), revokedAt.plusSeconds(120))).isFalse();
		assertThat(revoked.covers(HOST, revokedAt.minusSeconds(60), revokedAt.plusSeconds(60))).isFalse();
	}

	@Test
	void anUndecidedOrRefusedRequestCoversNothing() {
		assertThat(requested().covers(HOST, FROM.plusSeconds(60), FROM.plusSeconds(120))).isFalse();
		AccessGrant refused = with(requested(), GrantStatus.REFUSED, null);
		assertThat(refused.covers(HOST, FROM.plusSeconds(60), FROM.plusSeconds(120))).isFalse();
	}

	@Test
	void anEmergencyCoversAtOnceAndStopsWhenRefusedAfterTheFact() {
		AccessGrant emergency = emergency();
		assertThat(emergency.covers(HOST, FROM.plusSeconds(60), FROM.plusSeconds(120))).isTrue();
		Instant refusedAt = FROM.plus(Duration.ofHours(2));
		AccessGrant refused = with(emergency, GrantStatus.REFUSED, refusedAt);
		assertThat(refused.covers(HOST, FROM.plusSeconds(60), FROM.plusSeconds(120))).isTrue();
		assertThat(refused.covers(HOST, refusedAt.plusSeconds(60), refusedAt.plusSeconds(120))).isFalse();
	}

	@Test
	void anApprovedGrantExpiresByItselfAtTheEndOfItsWindow() {
		assertThat(approved().standing(UNTIL.minusSeconds(1))).isEqualTo("APPROVED");
		assertThat(approved().standing(UNTIL)).isEqualTo("EXPIRED");
	}

	@Test
	void theUnitMayApproveANarrowerWindowAndFewerInstances() {
		Instant from = FROM.plus(Duration.ofHours(1));
		Instant until = FROM.plus(Duration.ofHours(2));
		StateChange<GrantDecided> change = requested().approve(new Approval(from, until, List.of(HOST), null), OFFICER,
				"陈静", FROM);
		assertThat(change.to()).isEqualTo("APPROVED");
		assertThat(change.columns()).containsEntry("granted_from", from).containsEntry("granted_until", until);
		assertThat((UUID[]) change.columns().get("granted_instances")).containsExactly(HOST);
		assertThat(change.event().status()).isEqualTo(GrantStatus.APPROVED);
	}

	@Test
	void anApprovalWiderThanTheRequestOrNamingAnotherInstanceIsRefusedNamingTheField() {
		AccessGrant grant = requested();
		assertThatThrownBy(
				() -> grant.approve(new Approval(FROM.minusSeconds(60), null, null, null), OFFICER, "陈静", FROM))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.problems().get(0).field()).isEqualTo("from"));
		assertThatThrownBy(
				() -> grant.approve(new Approval(null, UNTIL.plusSeconds(60), null, null), OFFICER, "陈静", FROM))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.problems().get(0).field()).isEqualTo("until"));
		UUID stranger = UUID.randomUUID();
		assertThatThrownBy(() -> grant.approve(new Approval(null, null, List.of(stranger), null), OFFICER, "陈静", FROM))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.problems().get(0).field()).isEqualTo("instanceIds"));
	}

	@Test
	void aDecidedGrantIsNotDecidedAgainAndTheLateDeciderIsToldWhoDecided() {
		AccessGrant approved = approved();
		assertThatThrownBy(() -> approved.refuse("不需要", OFFICER, "陈静", FROM)).isInstanceOf(ConflictException.class);
	}

	@Test
	void aRefusalNeedsAReasonAndARevocationAGrantStillRunning() {
		assertThatThrownBy(() -> requested().refuse(" ", OFFICER, "陈静", FROM))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> approved().revoke("结束", OFFICER, "陈静", UNTIL))
			.isInstanceOf(InvalidInputException.class);
		assertThat(approved().revoke("结束", OFFICER, "陈静", FROM).columns()).containsEntry("ended_at", FROM);
	}

	@Test
	void anEmergencyUndecidedAfterTwentyFourHoursIsOverdue() {
		AccessGrant emergency = emergency();
		assertThat(emergency.overdue(FROM.plus(Duration.ofHours(24)), Duration.ofHours(24))).isFalse();
		assertThat(emergency.overdue(FROM.plus(Duration.ofHours(24)).plusSeconds(60), Duration.ofHours(24))).isTrue();
	}

	@Test
	void aWindowOfSeventyTwoHoursIsAllowedAndOneMinuteMoreIsNot() {
		Duration max = Duration.ofHours(72);
		assertThat(AccessWindow.problems(FROM, FROM.plus(max), FROM, max)).isEmpty();
		assertThat(AccessWindow.problems(FROM, FROM.plus(max).plusSeconds(60), FROM, max)).extracting((p) -> p.code())
			.containsExactly("access.window.tooLong");
		assertThat(AccessWindow.problems(FROM, FROM, FROM, max)).extracting((p) -> p.code())
			.containsExactly("access.window.order");
		assertThat(AccessWindow.problems(FROM, UNTIL, UNTIL.plusSeconds(1), max)).extracting((p) -> p.code())
			.containsExactly("access.window.past");
	}

	static AccessGrant requested() {
		return new AccessGrant(UUID.randomUUID(), "SQ2026-000001", UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), "孙浩", "排查故障", AccessKind.SSH, FROM, UNTIL, Set.of(HOST, OTHER_HOST), false, null,
				GrantStatus.REQUESTED, null, null, Set.of(), null, null, null, null, FROM.minusSeconds(3600), null);
	}

	static AccessGrant approved() {
		AccessGrant r = requested();
		return new AccessGrant(r.id(), r.number(), r.unitId(), r.supplierId(), r.requestedBy(), r.requestedByName(),
				r.purpose(), r.kind(), FROM, UNTIL, r.requestedInstances(), false, null, GrantStatus.APPROVED, FROM,
				UNTIL, Set.of(HOST), "陈静", FROM.minusSeconds(60), null, null, r.createdAt(), null);
	}

	static AccessGrant emergency() {
		AccessGrant r = requested();
		return new AccessGrant(r.id(), r.number(), r.unitId(), r.supplierId(), r.requestedBy(), r.requestedByName(),
				r.purpose(), r.kind(), FROM, UNTIL, Set.of(HOST), true, "T2026-000001", GrantStatus.EMERGENCY, FROM,
				UNTIL, Set.of(HOST), null, null, null, null, FROM, null);
	}

	static AccessGrant with(AccessGrant g, GrantStatus status, Instant endedAt) {
		return new AccessGrant(g.id(), g.number(), g.unitId(), g.supplierId(), g.requestedBy(), g.requestedByName(),
				g.purpose(), g.kind(), g.requestedFrom(), g.requestedUntil(), g.requestedInstances(), g.emergency(),
				g.ticketNumber(), status, g.grantedFrom(), g.grantedUntil(), g.grantedInstances(), "陈静", endedAt, null,
				endedAt, g.createdAt(), null);
	}

}
