package cn.govcloud.shared;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import cn.govcloud.shared.StateChange.History;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a decision is persisted (ADR 0015): a conditional update that moves the
 * record on only if it still stands where the decision found it, its history row, and its
 * past-tense event, all in the caller's transaction. Of two decisions at once exactly one
 * changes the record; the other is refused (409) with who decided first and when. The
 * event is delivered to listeners once the transaction has committed, never for a change
 * that rolled back.
 */
@Component
public class Decisions {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Decisions(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Persists the change if the record is still in one of its {@code from} states,
	 * writes its history row and publishes its event.
	 * @param current reads the record again after a lost race, to tell who won
	 * @return the change's event, or {@code null} when it has none
	 * @throws ConflictException when the record was no longer in a {@code from} state
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public <E> E persist(Ledger ledger, StateChange<E> change, Supplier<? extends Decidable> current) {
		List<String> sets = new ArrayList<>();
		sets.add(ledger.status() + " = :to");
		change.columns().keySet().forEach((column) -> sets.add(checked(column) + " = :" + column));
		JdbcClient.StatementSpec update = this.jdbc
			.sql("UPDATE " + ledger.table() + " SET " + String.join(", ", sets) + " WHERE id = :id AND "
					+ ledger.status() + " = ANY(:from)")
			.param("id", change.id())
			.param("to", change.to())
			.param("from", change.from().toArray(String[]::new));
		for (Map.Entry<String, Object> column : change.columns().entrySet()) {
			update = update.param(column.getKey(), sqlValue(column.getValue()));
		}
		if (update.update() == 0) {
			throw current.get().alreadyDecided();
		}
		if (change.history() != null) {
			record(ledger, change.id(), change.history());
		}
		if (change.event() != null) {
			this.events.publishEvent(change.event());
		}
		return change.event();
	}

	/** Adds a line to a record's history without changing its state (e.g. created). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Ledger ledger, UUID id, History entry) {
		if (ledger.history() == null) {
			throw new IllegalArgumentException(ledger.table() + " keeps no history");
		}
		this.jdbc
			.sql("INSERT INTO " + ledger.history() + " (" + ledger.historyKey()
					+ ", occurred_at, actor_id, action, reason) VALUES (:id, :at, :actor, :action, :reason)")
			.param("id", id)
			.param("at", Timestamp.from(entry.at()))
			.param("actor", entry.actor())
			.param("action", entry.action())
			.param("reason", entry.reason())
			.update();
	}

	private static Object sqlValue(Object value) {
		if (value instanceof Instant instant) {
			return Timestamp.from(instant);
		}
		if (value instanceof LocalDate date) {
			return Date.valueOf(date);
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		return value;
	}

	private static String checked(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("not a column name: " + name);
		}
		return name;
	}

	/**
	 * Where a module's decided records live: the table (with an {@code id} key), its
	 * status column, and its history table, whose rows are ({@code historyKey},
	 * {@code occurred_at}, {@code actor_id}, {@code action}, {@code reason}).
	 *
	 * @param history the history table, or {@code null} where the record keeps none
	 */
	public record Ledger(String table, String status, String history, String historyKey) {

		public Ledger {
			checked(table);
			checked(status);
			if (history != null) {
				checked(history);
				checked(historyKey);
			}
		}

	}

}
