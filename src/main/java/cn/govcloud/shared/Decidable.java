package cn.govcloud.shared;

import java.time.Instant;

import org.springframework.context.MessageSourceResolvable;

/**
 * A record others decide on (an application, a contract, a termination, an exemption):
 * what the loser of a race, or anyone deciding too late, is told: the record, who decided
 * it, when, and how.
 */
public interface Decidable {

	/** The number (or name) people know the record by, e.g. {@code ZY2026-000042}. */
	String number();

	/** Who decided it, or {@code null} while nobody has (or GovCloud decided itself). */
	String decidedBy();

	Instant decidedAt();

	/**
	 * How it was decided, or where it stands when nobody decided it: resolved in the
	 * reader's language.
	 */
	MessageSourceResolvable outcome();

	/** The message codes the refusal uses. */
	Refusal refusal();

	/**
	 * The refusal of a decision that came too late: who decided first, when and how; or,
	 * when nobody decided, that the record does not await a decision.
	 */
	default ConflictException alreadyDecided() {
		if (decidedBy() == null) {
			return new ConflictException(refusal().notAwaiting(), number(), outcome());
		}
		return new ConflictException(refusal().alreadyDecided(), number(), decidedBy(), CityTime.minutes(decidedAt()),
				outcome());
	}

	/**
	 * The message codes of a refusal. {@code alreadyDecided} gets the number, the
	 * decider, the time and the outcome ({0}–{3}); {@code notAwaiting} the number and the
	 * outcome ({0}, {1}).
	 */
	record Refusal(String alreadyDecided, String notAwaiting) {
	}

}
