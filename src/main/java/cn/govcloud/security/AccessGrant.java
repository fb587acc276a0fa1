package cn.govcloud.security;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.shared.Decidable;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.StateChange;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The supplier's access to a unit's instances (Art. 17: nobody enters a unit's cloud
 * hosts, databases or storage without its authorisation). The supplier asks; the unit
 * approves — possibly a narrower window or fewer instances — or refuses, and may revoke
 * early. A grant ends by itself at its window's end. Emergency access for a P1 fault is
 * in force at once and decided by the unit after the fact. Each decision returns its
 * {@link StateChange}, persisted only if nobody decided first (ADR 0015).
 *
 * @param requestedInstances the instances asked for
 * @param grantedFrom the window in force (approved, or asked for in an emergency), or
 * {@code null} while nothing is in force
 * @param grantedInstances the instances in force, a subset of those asked for
 * @param endedAt when a grant in force stopped early (revoked, emergency refused)
 */
public record AccessGrant(UUID id, String number, UUID unitId, UUID supplierId, UUID requestedBy,
		String requestedByName, String purpose, AccessKind kind, Instant requestedFrom, Instant requestedUntil,
		Set<UUID> requestedInstances, boolean emergency, String ticketNumber, GrantStatus status, Instant grantedFrom,
		Instant grantedUntil, Set<UUID> grantedInstances, String decidedBy, Instant decidedAt, String decisionReason,
		Instant endedAt, Instant createdAt, Instant flaggedAt) implements Decidable {

	public AccessGrant {
		requestedInstances = Set.copyOf(requestedInstances);
		grantedInstances = Set.copyOf(grantedInstances);
	}

	/**
	 * Whether this grant covers a session on {@code instanceId} from {@code start} to
	 * {@code end}: the instance is granted and the whole session lies inside the window
	 * while the grant was in force. A session that begins a minute early or ends a minute
	 * late is not covered (Art. 17).
	 */
	public boolean covers(UUID instanceId, Instant start, Instant end) {
		Instant until = inForceUntil();
		return until != null && this.grantedInstances.contains(instanceId) && !start.isBefore(this.grantedFrom)
				&& !end.isAfter(until);
	}

	/**
	 * The end of the time this grant was in force: its window's end, or earlier when it
	 * was revoked or an emergency was refused; {@code null} if it never was in force.
	 */
	Instant inForceUntil() {
		if (this.grantedFrom == null) {
			return null;
		}
		return switch (this.status) {
			case APPROVED, EMERGENCY -> this.grantedUntil;
			case REVOKED -> earlier(this.grantedUntil, this.endedAt);
			case REFUSED -> (this.endedAt != null) ? earlier(this.grantedUntil, this.endedAt) : null;
			case REQUESTED -> null;
		};
	}

	/**
	 * Where the grant stands at {@code now} as people read it: its status, or
	 * {@code EXPIRED} once an approved window has passed (grants end by themselves).
	 */
	public String standing(Instant now) {
		if (this.status == GrantStatus.APPROVED && !now.isBefore(this.grantedUntil)) {
			return "EXPIRED";
		}
		return this.status.name();
	}

	/**
	 * Whether an emergency access still awaits the unit's decision past its deadline.
	 */
	public boolean overdue(Instant now, Duration decision) {
		return this.status == GrantStatus.EMERGENCY && this.createdAt.plus(decision).isBefore(now);
	}

	/**
	 * The unit approves, possibly a narrower window or fewer instances than asked; never
	 * a wider one. An emergency is approved after the fact the same way.
	 */
	StateChange<GrantDecided> approve(Approval approval, UUID by, String byName, Instant at) {
		require(EnumSet.of(GrantStatus.REQUESTED, GrantStatus.EMERGENCY));
		Instant from = (approval.from() != null) ? approval.from() : this.requestedFrom;
		Instant until = (approval.until() != null) ? approval.until() : this.requestedUntil;
		Set<UUID> asked = this.requestedInstances;
		List<UUID> instances = (approval.instanceIds() == null || approval.instanceIds().isEmpty()) ? List.copyOf(asked)
				: approval.instanceIds().stream().distinct().toList();
		if (from.isBefore(this.requestedFrom)) {
			throw InvalidInputException.of("from", "access.approve.wider");
		}
		if (until.isAfter(this.requestedUntil)) {
			throw InvalidInputException.of("until", "access.approve.wider");
		}
		if (!until.isAfter(from)) {
			throw InvalidInputException.of("until", "access.window.order");
		}
		if (!asked.containsAll(instances)) {
			throw InvalidInputException.of("instanceIds", "access.approve.notAsked");
		}
		String note = (approval.reason() != null && !approval.reason().isBlank()) ? required(approval.reason()) : null;
		return decide(GrantStatus.APPROVED, by, byName, at, note).set("granted_from", from)
			.set("granted_until", until)
			.set("granted_instances", instances.toArray(UUID[]::new));
	}

	/** The unit refuses, with its reason; an emergency refused stops at once. */
	StateChange<GrantDecided> refuse(String reason, UUID by, String byName, Instant at) {
		require(EnumSet.of(GrantStatus.REQUESTED, GrantStatus.EMERGENCY));
		StateChange<GrantDecided> change = decide(GrantStatus.REFUSED, by, byName, at, required(reason));
		return (this.status == GrantStatus.EMERGENCY) ? change.set("ended_at", at) : change;
	}

	/** The unit ends a grant early, with its reason. */
	StateChange<GrantDecided> revoke(String reason, UUID by, String byName, Instant at) {
		require(EnumSet.of(GrantStatus.APPROVED));
		if (!at.isBefore(this.grantedUntil)) {
			throw InvalidInputException.of("reason", "access.revoke.ended");
		}
		return decide(GrantStatus.REVOKED, by, byName, at, required(reason)).set("ended_at", at);
	}

	private StateChange<GrantDecided> decide(GrantStatus to, UUID by, String byName, Instant at, String reason) {
		return StateChange.of(this.id, EnumSet.of(this.status), to)
			.decidedBy(byName, at)
			.set("decision_reason", reason)
			.recorded(to.name(), by, reason, at)
			.announcing(new GrantDecided(this.id, this.number, this.unitId, this.supplierId, this.requestedBy, to));
	}

	private void require(Set<GrantStatus> from) {
		if (!from.contains(this.status)) {
			throw alreadyDecided();
		}
	}

	private static String required(String reason) {
		if (reason == null || reason.isBlank()) {
			throw InvalidInputException.of("reason", "error.field.required");
		}
		if (reason.strip().length() > 2000) {
			throw InvalidInputException.of("reason", "access.text.tooLong", 2000);
		}
		return reason.strip();
	}

	private static Instant earlier(Instant a, Instant b) {
		return (b == null || a.isBefore(b)) ? a : b;
	}

	@Override
	public MessageSourceResolvable outcome() {
		return new DefaultMessageSourceResolvable("access.status." + this.status);
	}

	@Override
	public Refusal refusal() {
		return new Refusal("access.alreadyDecided", "access.notAwaiting");
	}

	/**
	 * What the unit approves: a window and instances within those asked for; {@code null}
	 * (or empty) keeps what was asked.
	 */
	public record Approval(Instant from, Instant until, List<UUID> instanceIds, String reason) {
	}

}
