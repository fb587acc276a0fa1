package cn.govcloud.shared;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A state change an aggregate decided (an application approved under Art. 8, a contract
 * filed under Art. 7), ready for {@link Decisions} to persist: the states it may leave,
 * the state it enters, the columns it sets beside the status, the entry it adds to the
 * record's history, and the past-tense event ({@code ApplicationDecided},
 * {@code ContractFiled}) its module publishes with it. Aggregates build it; nothing is
 * written until it is persisted.
 *
 * @param from the states the record may still be in; in any other, someone decided first
 * @param columns further columns to set, by name, in order; {@code null} values clear
 * @param history the history entry, or {@code null} for a change the history does not
 * show
 * @param event the past-tense event, or {@code null} when nobody else is told
 * @param <E> the event's type
 */
public record StateChange<E>(UUID id, List<String> from, String to, Map<String, Object> columns, History history,
		E event) {

	public StateChange {
		from = List.copyOf(from);
		columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
	}

	/** A change of the record {@code id} from one of {@code from} to {@code to}. */
	public static <S extends Enum<S>> StateChange<Void> of(UUID id, Set<S> from, S to) {
		return new StateChange<>(id, from.stream().map(Enum::name).sorted().toList(), to.name(), Map.of(), null, null);
	}

	/** The same change, also setting {@code column}. */
	public StateChange<E> set(String column, Object value) {
		Map<String, Object> more = new LinkedHashMap<>(this.columns);
		more.put(column, value);
		return new StateChange<>(this.id, this.from, this.to, more, this.history, this.event);
	}

	/**
	 * The same change, naming who decided and when: what the loser of a race is told.
	 * @param by the decider (a person's id, or a name where the table keeps names)
	 */
	public StateChange<E> decidedBy(Object by, Instant at) {
		return set("decided_by", by).set("decided_at", at);
	}

	/** The same change, adding an entry to the record's history. */
	public StateChange<E> recorded(String action, UUID actor, String reason, Instant at) {
		return new StateChange<>(this.id, this.from, this.to, this.columns, new History(action, actor, reason, at),
				this.event);
	}

	/** The same change, with the past-tense event the module publishes with it. */
	public <T> StateChange<T> announcing(T pastTenseEvent) {
		return new StateChange<>(this.id, this.from, this.to, this.columns, this.history, pastTenseEvent);
	}

	/**
	 * One line of a record's history: who did what, when, and why.
	 *
	 * @param actor the person, or {@code null} for GovCloud itself (e.g. an automatic
	 * approval)
	 */
	public record History(String action, UUID actor, String reason, Instant at) {
	}

}
