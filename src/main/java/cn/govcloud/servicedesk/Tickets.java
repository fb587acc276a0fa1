package cn.govcloud.servicedesk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.calendar.Timeline;
import cn.govcloud.calendar.WorkingCalendar;
import cn.govcloud.calendar.WorkingCalendars;
import cn.govcloud.servicedesk.Ticket.Actor;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions;
import cn.govcloud.shared.Decisions.Ledger;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.StateChange;
import cn.govcloud.shared.StateChange.History;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service desk's tickets (Art. 10–12): raised by a unit's people (or the Commission)
 * about one of the unit's systems, answered by the supplier that serves it. Each step is
 * a method of {@link Ticket}, persisted only if nobody took another step first.
 */
@Service
public class Tickets {

	private static final String WHAT = "ticket";

	/** Where the ticket's steps are decided and recorded (ADR 0015). */
	static final Ledger LEDGER = new Ledger("servicedesk_ticket", "status", "servicedesk_ticket_event", "ticket_id");

	private final TicketRepository repository;

	private final TicketParties parties;

	private final ServiceTargets targets;

	private final WorkingCalendars calendars;

	private final Decisions decisions;

	private final ApplicationEventPublisher events;

	Tickets(TicketRepository repository, TicketParties parties, ServiceTargets targets, WorkingCalendars calendars,
			Decisions decisions, ApplicationEventPublisher events) {
		this.repository = repository;
		this.parties = parties;
		this.targets = targets;
		this.calendars = calendars;
		this.decisions = decisions;
		this.events = events;
	}

	@Transactional
	public Ticket open(DataScope scope, TicketForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		check(form.category() != null, "category", problems);
		check(form.priority() != null, "priority", problems);
		checkText(form.title(), "title", 200, problems);
		checkText(form.description(), "description", 10000, problems);
		check(form.systemId() != null, "systemId", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		TicketParties.Parties parties = this.parties.of(scope, form.systemId(), form.instanceId());
		Set<UUID> followers = this.parties.followers(parties.unitId(), form.followerIds(), scope.principal().userId());
		WorkingCalendar calendar = this.calendars.calendar();
		ServiceTarget target = this.targets.of(form.priority());
		Instant now = Instant.now();
		GovCloudPrincipal by = scope.principal();
		Ticket ticket = new Ticket(UUID.randomUUID(), this.repository.nextNumber(CityTime.today().getYear()),
				parties.unitId(), parties.supplierId(), form.systemId(), parties.systemName(), form.instanceId(),
				parties.instanceName(), form.category(), form.priority(), form.title().strip(),
				form.description().strip(), TicketStatus.OPEN, by.userId(), by.displayName(), now, target.workingTime(),
				(int) target.response(calendar.workingDay()).toMinutes(),
				(int) target.resolution(calendar.workingDay()).toMinutes(), null, null, null, null, null, null, null,
				null, now, by.displayName(), List.of());
		this.repository.insert(ticket, by.userId());
		this.repository.follow(ticket.id(), followers);
		this.decisions.record(LEDGER, ticket.id(), new History(TicketStatus.OPEN.name(), by.userId(), null, now));
		this.events.publishEvent(new TicketOpened(ticket.id(), ticket.number(), ticket.unitId(), ticket.supplierId(),
				ticket.priority(), ticket.title(), ticket.systemName()));
		return ticket;
	}

	/**
	 * The search tokens of a ticket's texts (title, description, number) as the service
	 * desk indexes them, for writers of bulk rows (the world generator).
	 */
	public static String[] searchTokens(String... texts) {
		return SearchTokens.of(texts);
	}

	public Ticket find(DataScope scope, UUID id) {
		return this.repository.find(scope, id).orElseThrow(() -> new NotFoundException(WHAT, id));
	}

	/**
	 * Tickets in {@code sort}'s order ({@code field,asc|desc}; null: newest first).
	 * @throws InvalidInputException naming {@code sort} for a field the list cannot sort
	 * by
	 */
	public Page<TicketRow> search(DataScope scope, TicketFilter filter, String sort, int page, int size) {
		return this.repository.search(scope, filter, Page.request(page, size, TicketRepository.SORTABLE.parse(sort)));
	}

	/**
	 * The ticket with its clocks now and its history (internal notes for the supplier).
	 */
	public TicketView view(DataScope scope, UUID id) {
		Ticket ticket = find(scope, id);
		List<TicketEntry> history = this.repository.entries(ticket.id(), isSupplierOf(scope.principal(), ticket));
		return TicketView.of(ticket, timeline(ticket), Instant.now(), history, this.repository.followers(id),
				this.repository.ratings(id));
	}

	/** The timeline the ticket's clocks count in. */
	public Timeline timeline(Ticket ticket) {
		return ticket.workingTime() ? this.calendars.calendar() : Timeline.ROUND_THE_CLOCK;
	}

	@Transactional
	public Ticket acknowledge(DataScope scope, UUID id) {
		return supplierStep(scope, id, (t, by, people) -> t.acknowledge(by, Instant.now(), timeline(t), people));
	}

	@Transactional
	public Ticket start(DataScope scope, UUID id) {
		return supplierStep(scope, id, (t, by, people) -> t.start(by, Instant.now(), people));
	}

	@Transactional
	public Ticket askUnit(DataScope scope, UUID id, String question) {
		return supplierStep(scope, id, (t, by, people) -> t.askUnit(by, Instant.now(), question, people));
	}

	@Transactional
	public Ticket resolve(DataScope scope, UUID id, String resolution) {
		return supplierStep(scope, id,
				(t, by, people) -> t.resolve(by, Instant.now(), resolution, timeline(t), people));
	}

	@Transactional
	public Ticket answer(DataScope scope, UUID id, String text) {
		return unitStep(scope, id, (t, by, people) -> t.answer(by, Instant.now(), text, people));
	}

	@Transactional
	public Ticket confirm(DataScope scope, UUID id) {
		return unitStep(scope, id, (t, by, people) -> t.confirm(by, Instant.now(), people));
	}

	@Transactional
	public Ticket reopen(DataScope scope, UUID id, String reason) {
		return unitStep(scope, id, (t, by, people) -> t.reopen(by, Instant.now(), reason, people));
	}

	/**
	 * A comment the unit sees, or (for the supplier) an internal note the unit does not.
	 */
	@Transactional
	public void comment(DataScope scope, UUID id, String text, boolean internal) {
		Ticket ticket = find(scope, id);
		GovCloudPrincipal by = scope.principal();
		if (text == null || text.isBlank() || text.length() > 10000) {
			throw InvalidInputException.of("text", "error.field.required");
		}
		if (internal && !isSupplierOf(by, ticket)) {
			throw InvalidInputException.of("internal", "ticket.note.supplierOnly");
		}
		if (!internal && !isSupplierOf(by, ticket) && !isUnitSide(scope, ticket)) {
			throw new NotFoundException(WHAT, id);
		}
		this.repository.comment(ticket.id(), Instant.now(),
				internal ? TicketEntry.Kind.INTERNAL_NOTE : TicketEntry.Kind.COMMENT, by.userId(), by.displayName(),
				text.strip());
	}

	/**
	 * After closing, the raiser and each follower rates once (Art. 19: satisfaction): 1
	 * to 5 stars, no preselected value, an optional comment.
	 */
	@Transactional
	public void rate(DataScope scope, UUID id, Integer stars, String comment) {
		Ticket ticket = find(scope, id);
		UUID person = scope.principal().userId();
		if (!person.equals(ticket.raisedBy()) && !this.repository.followers(id).contains(person)) {
			throw InvalidInputException.of("stars", "ticket.rating.notYours");
		}
		if (ticket.status() != TicketStatus.CLOSED) {
			throw InvalidInputException.of("stars", "ticket.rating.notClosed");
		}
		if (stars == null || stars < 1 || stars > 5) {
			throw InvalidInputException.of("stars", "ticket.rating.stars");
		}
		if (comment != null && comment.length() > 1000) {
			throw InvalidInputException.of("comment", "ticket.text.tooLong", 1000);
		}
		if (!this.repository.rate(id, person, stars, comment, Instant.now())) {
			throw new ConflictException("ticket.rating.twice", ticket.number());
		}
	}

	public List<TicketRating> ratings(DataScope scope, UUID id) {
		return this.repository.ratings(find(scope, id).id());
	}

	public List<UUID> followers(DataScope scope, UUID id) {
		return this.repository.followers(find(scope, id).id());
	}

	/** Closes the tickets the unit left unconfirmed for seven days; returns how many. */
	@Transactional
	public int closeUnconfirmed(Instant now) {
		int closed = 0;
		for (Ticket ticket : this.repository.resolvedBefore(now.minus(Ticket.CONFIRMATION_PERIOD))) {
			try {
				persist(ticket, ticket.closeUnconfirmed(now, unitPeople(ticket)));
				closed++;
			}
			catch (ConflictException ex) {
				// The unit answered at the same moment: its step stands.
			}
		}
		return closed;
	}

	private Ticket supplierStep(DataScope scope, UUID id, Step step) {
		Ticket ticket = find(scope, id);
		if (!isSupplierOf(scope.principal(), ticket)) {
			throw new NotFoundException(WHAT, id);
		}
		return take(scope, ticket, step);
	}

	private Ticket unitStep(DataScope scope, UUID id, Step step) {
		Ticket ticket = find(scope, id);
		if (!isUnitSide(scope, ticket)) {
			throw new NotFoundException(WHAT, id);
		}
		return take(scope, ticket, step);
	}

	private Ticket take(DataScope scope, Ticket ticket, Step step) {
		GovCloudPrincipal by = scope.principal();
		persist(ticket, step.apply(ticket, new Actor(by.userId(), by.displayName()), unitPeople(ticket)));
		return this.repository.findById(ticket.id()).orElseThrow();
	}

	private void persist(Ticket ticket, StateChange<TicketMoved> change) {
		TicketMoved moved = this.decisions.persist(LEDGER, change,
				() -> this.repository.findById(ticket.id()).orElseThrow());
		this.repository.pauseOrResume(ticket.id(), moved.from(), moved.to(), change.history().at());
	}

	private List<UUID> unitPeople(Ticket ticket) {
		Set<UUID> people = new LinkedHashSet<>();
		people.add(ticket.raisedBy());
		people.addAll(this.repository.followers(ticket.id()));
		return List.copyOf(people);
	}

	/** One step of a ticket, as its aggregate method. */
	@FunctionalInterface
	private interface Step {

		StateChange<TicketMoved> apply(Ticket ticket, Actor by, List<UUID> unitPeople);

	}

	static boolean isSupplierOf(GovCloudPrincipal who, Ticket ticket) {
		return who.organizationKind() == OrganizationKind.SUPPLIER && who.may(Permission.HANDLE_TICKETS)
				&& who.organizationId().equals(ticket.supplierId());
	}

	/** The unit's people, or whoever raised the ticket (the Commission may raise one). */
	static boolean isUnitSide(DataScope scope, Ticket ticket) {
		GovCloudPrincipal who = scope.principal();
		return who.may(Permission.RAISE_TICKETS)
				&& (who.organizationId().equals(ticket.unitId()) || who.userId().equals(ticket.raisedBy()));
	}

	private static void check(boolean ok, String field, List<FieldProblem> problems) {
		if (!ok) {
			problems.add(new FieldProblem(field, "error.field.required"));
		}
	}

	private static void checkText(String text, String field, int max, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(new FieldProblem(field, "error.field.required"));
		}
		else if (text.strip().length() > max) {
			problems.add(new FieldProblem(field, "ticket.text.tooLong", max));
		}
	}

}
