package cn.govcloud.systems;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.CurrentUser;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.systems.HostingStatusPolicy.Authority;
import cn.govcloud.systems.HostingStatusPolicy.Proposal;
import cn.govcloud.shared.Text;

import org.springframework.stereotype.Component;

/**
 * Applies changes of hosting status: under the system's row lock, judged by
 * {@link HostingStatusPolicy}, kept in the system's history and the audit trail. Callers
 * run it inside their transaction.
 */
@Component
class StatusChanges {

	/** The actor of changes nobody signed in made, e.g. a termination from a job. */
	static final String SYSTEM_ACTOR = "system";

	private final SystemRepository systems;

	private final StatusHistory history;

	private final ExemptionRepository exemptions;

	private final AuditTrail audit;

	private final CityCalendar calendar;

	StatusChanges(SystemRepository systems, StatusHistory history, ExemptionRepository exemptions, AuditTrail audit,
			CityCalendar calendar) {
		this.systems = systems;
		this.history = history;
		this.exemptions = exemptions;
		this.audit = audit;
		this.calendar = calendar;
	}

	/**
	 * Locks the system and reads it: concurrent changes of one system are serialised, the
	 * second judged against what the first left.
	 * @param expected the status the caller saw, or {@code null}; if it has changed
	 * since, the caller is told rather than a change applied to a status they never saw
	 */
	ApplicationSystem lock(UUID id, HostingStatus expected) {
		this.systems.lock(id);
		ApplicationSystem current = this.systems.findById(id).orElseThrow(() -> new NotFoundException("system", id));
		if (expected != null && current.hostingStatus() != expected) {
			throw new ConflictException("system.status.changed", HostingStatusPolicy.label(current.hostingStatus()),
					HostingStatusPolicy.label(expected));
		}
		return current;
	}

	/** Applies a change to a system locked by {@link #lock}. */
	ApplicationSystem apply(ApplicationSystem locked, Proposal change, Authority authority) {
		HostingStatus from = locked.hostingStatus();
		List<FieldProblem> problems = HostingStatusPolicy.check(from, change, authority, this.calendar.today());
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = Instant.now();
		HostingStatus to = change.to();
		LocalDate target = (to == HostingStatus.MIGRATING) ? change.targetDate() : null;
		String basis = (to == HostingStatus.EXEMPT) ? change.exemptionBasis().strip() : null;
		String reason = (to == HostingStatus.EXEMPT) ? basis : strip(change.reason());
		this.systems.updateStatus(locked.id(), to, target, basis, now);
		String actor = actor();
		this.history.add(new HostingChange(UUID.randomUUID(), locked.id(), from, to, target, reason, actor, now));
		if (from == HostingStatus.LEGACY_SELF_HOSTED) {
			// Leaving self-hosting makes a pending request for an exemption moot.
			this.exemptions.pendingFor(locked.id()).ifPresent((pending) -> {
				this.exemptions.decide(pending.withdraw(actor, now));
				record("system.exemption.withdraw", locked, "request " + pending.id());
			});
		}
		record("system.status", locked, from + " → " + to + ((target != null) ? ", target " + target : "")
				+ ((reason != null) ? ", " + reason : ""));
		return this.systems.findById(locked.id()).orElseThrow();
	}

	/** The signed-in person's name, or {@value #SYSTEM_ACTOR}. */
	String actor() {
		return CurrentUser.find().map(GovCloudPrincipal::displayName).orElse(SYSTEM_ACTOR);
	}

	void record(String action, ApplicationSystem system, String detail) {
		String target = ApplicationSystems.describe(system.id(), system.name());
		if (CurrentUser.find().isPresent()) {
			this.audit.record(action, target, AuditOutcome.SUCCESS, detail);
		}
		else {
			this.audit.recordAs(SYSTEM_ACTOR, null, action, target, AuditOutcome.SUCCESS, detail);
		}
	}

	List<HostingChange> history(UUID systemId) {
		return this.history.of(systemId);
	}

	LocalDate today() {
		return this.calendar.today();
	}

	private static String strip(String text) {
		return Text.stripToNull(text);
	}

}
