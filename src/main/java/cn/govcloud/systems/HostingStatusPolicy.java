package cn.govcloud.systems;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.govcloud.shared.InvalidInputException.FieldProblem;

import org.springframework.context.support.DefaultMessageSourceResolvable;

import static cn.govcloud.systems.HostingStatus.EXEMPT;
import static cn.govcloud.systems.HostingStatus.LEGACY_SELF_HOSTED;
import static cn.govcloud.systems.HostingStatus.MIGRATING;
import static cn.govcloud.systems.HostingStatus.OFFLINE;
import static cn.govcloud.systems.HostingStatus.ON_PLATFORM;
import static cn.govcloud.systems.HostingStatus.PLANNED;

/**
 * Which changes of a system's hosting status make sense, who may make them and what each
 * needs (Art. 3: new systems are built on the platform, existing ones migrate to it step
 * by step, unless laws, regulations, government rules or national documents provide
 * otherwise).
 */
final class HostingStatusPolicy {

	static final int MAX_REASON = 500;

	static final int MAX_BASIS = 2000;

	private static final Map<HostingStatus, Set<HostingStatus>> NEXT = new EnumMap<>(HostingStatus.class);

	static {
		// A planned system is built on the platform, or abandoned.
		NEXT.put(PLANNED, EnumSet.of(ON_PLATFORM, OFFLINE));
		// An existing system migrates, is exempted by the Commission, or is switched off.
		NEXT.put(LEGACY_SELF_HOSTED, EnumSet.of(MIGRATING, EXEMPT, OFFLINE));
		// A migration arrives, is rescheduled (new target date) or is stopped (with a
		// reason).
		NEXT.put(MIGRATING, EnumSet.of(ON_PLATFORM, MIGRATING, LEGACY_SELF_HOSTED));
		NEXT.put(ON_PLATFORM, EnumSet.of(OFFLINE));
		// An exempted system may still migrate; or the exemption is lifted.
		NEXT.put(EXEMPT, EnumSet.of(MIGRATING, LEGACY_SELF_HOSTED));
		// Offline is final.
		NEXT.put(OFFLINE, EnumSet.noneOf(HostingStatus.class));
	}

	/** Who asks for a change. */
	enum Authority {

		/** The unit's administrators and members, for the unit's own systems. */
		UNIT,
		/**
		 * The Commission's reviewers and managers: they grant exemptions, nothing else.
		 */
		COMMISSION,
		/**
		 * An approved termination (Art. 9), from another module: takes a system offline
		 * whatever its status.
		 */
		TERMINATION

	}

	/**
	 * A wanted change and what comes with it.
	 *
	 * @param document whether a supporting document comes with an exemption
	 */
	record Proposal(HostingStatus to, LocalDate targetDate, String reason, String exemptionBasis, boolean document) {

		static Proposal to(HostingStatus to) {
			return new Proposal(to, null, null, null, false);
		}

	}

	private HostingStatusPolicy() {
	}

	/** The statuses {@code authority} may move a system to from {@code from}. */
	static Set<HostingStatus> allowed(HostingStatus from, Authority authority) {
		return switch (authority) {
			case UNIT -> without(NEXT.get(from), EXEMPT);
			case COMMISSION ->
				NEXT.get(from).contains(EXEMPT) ? EnumSet.of(EXEMPT) : EnumSet.noneOf(HostingStatus.class);
			case TERMINATION -> (from != OFFLINE) ? EnumSet.of(OFFLINE) : EnumSet.noneOf(HostingStatus.class);
		};
	}

	/** Whether a unit may ask the Commission to exempt a system in this status. */
	static boolean exemptionRequestable(HostingStatus from) {
		return NEXT.get(from).contains(EXEMPT);
	}

	/**
	 * What is wrong with the change, or nothing.
	 * @param today the city's date, for target dates
	 */
	static List<FieldProblem> check(HostingStatus from, Proposal change, Authority authority, LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		HostingStatus to = change.to();
		if (to == null) {
			problems.add(new FieldProblem("hostingStatus", "error.field.required"));
			return problems;
		}
		if (!NEXT.get(from).contains(to) && !(authority == Authority.TERMINATION && from != OFFLINE && to == OFFLINE)) {
			problems.add(new FieldProblem("hostingStatus", "system.status.refused", label(from), label(to)));
			return problems;
		}
		if (to == EXEMPT && authority != Authority.COMMISSION) {
			problems.add(new FieldProblem("hostingStatus", "system.exemption.commissionOnly"));
		}
		else if (!allowed(from, authority).contains(to)) {
			problems.add(new FieldProblem("hostingStatus", "system.status.notYours", label(from), label(to)));
		}
		needs(from, change, today, problems);
		return problems;
	}

	/** What a unit's request for an exemption lacks: what the Commission would need. */
	static List<FieldProblem> checkExemptionRequest(HostingStatus from, String basis, boolean document) {
		return check(from, new Proposal(EXEMPT, null, null, basis, document), Authority.COMMISSION, null);
	}

	/** What each change needs besides being allowed. */
	private static void needs(HostingStatus from, Proposal change, LocalDate today, List<FieldProblem> problems) {
		HostingStatus to = change.to();
		if (to == MIGRATING) {
			if (change.targetDate() == null) {
				problems.add(new FieldProblem("targetDate", "system.targetDate.required"));
			}
			else if (!change.targetDate().isAfter(today)) {
				problems.add(new FieldProblem("targetDate", "system.targetDate.future", today));
			}
		}
		// Stopping a migration, lifting an exemption and switching a system off are
		// explained.
		if (to == LEGACY_SELF_HOSTED || to == OFFLINE) {
			text(change.reason(), "reason", "system.reason.required", MAX_REASON, problems);
		}
		if (to == EXEMPT) {
			text(change.exemptionBasis(), "exemptionBasis", "system.exemption.basis.required", MAX_BASIS, problems);
			if (!change.document()) {
				problems.add(new FieldProblem("file", "system.exemption.document.required"));
			}
		}
	}

	private static void text(String value, String field, String requiredCode, int max, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, requiredCode));
		}
		else if (value.strip().length() > max) {
			problems.add(new FieldProblem(field, "system.field.tooLong", max));
		}
	}

	/** The status's name in the reader's language, as a message argument. */
	static DefaultMessageSourceResolvable label(HostingStatus status) {
		return new DefaultMessageSourceResolvable(new String[] { "system.status." + status.name() }, status.name());
	}

	private static Set<HostingStatus> without(Set<HostingStatus> statuses, HostingStatus left) {
		Set<HostingStatus> result = statuses.isEmpty() ? EnumSet.noneOf(HostingStatus.class) : EnumSet.copyOf(statuses);
		result.remove(left);
		return Collections.unmodifiableSet(result);
	}

}
