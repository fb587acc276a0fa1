package cn.govcloud.world;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import cn.govcloud.calendar.Timeline;
import cn.govcloud.calendar.WorkingCalendar;
import cn.govcloud.servicedesk.Priority;
import cn.govcloud.servicedesk.ServiceTarget;
import cn.govcloud.servicedesk.Tickets;
import cn.govcloud.shared.CityTime;
import cn.govcloud.world.City.Person;

/**
 * A year of service-desk tickets on the systems that run hosts, as the service desk
 * writes them ({@code Tickets}, {@code TicketRepository}, the decision ledger of ADR
 * 0015): servicedesk_ticket with its search tokens, a ledger row per step, the clock's
 * pauses (waiting on the unit, resolved until reopened) and ratings. Response and
 * resolution minutes are counted as the service counts them: round the clock for P1 and
 * P2, in the working calendar for P3 and P4, pauses skipped. Most tickets meet their
 * targets, about one in eight misses one; a quarter wait on the unit, a few are reopened,
 * three in four closed tickets are rated. Tickets are not audited by the service desk, so
 * neither are they here.
 */
final class Desk {

	static final String TICKET = "servicedesk_ticket (id, number, unit_id, supplier_id, system_id, system_name, "
			+ "instance_id, instance_name, category, priority, title, description, search, status, raised_by, "
			+ "raised_by_name, opened_at, working_time, response_target_minutes, resolution_target_minutes, "
			+ "assignee_id, assignee_name, acknowledged_at, response_minutes, resolved_at, resolution, "
			+ "resolution_minutes, closed_at, closed_by, response_warned_at, response_breached_at, "
			+ "resolution_warned_at, resolution_breached_at, changed_at, changed_by, changed_by_name)";

	static final String PAUSE = "servicedesk_pause (ticket_id, started_at, ended_at, kind, reason)";

	static final String EVENT = "servicedesk_ticket_event (ticket_id, occurred_at, actor_id, action, reason)";

	static final String RATING = "servicedesk_rating (ticket_id, user_id, stars, comment, rated_at)";

	/** Tickets a system raises in a year, on average. */
	static final double PER_SYSTEM_AND_YEAR = 7.5;

	/** A system that runs hosts: where tickets are raised. */
	record Site(UUID systemId, String systemName, UUID unitId, UUID supplierId, UUID instanceId, String instanceName,
			LocalDate activeFrom) {
	}

	private final Scene scene;

	private final Random random;

	private final WorkingCalendar calendar;

	private final Map<Priority, ServiceTarget> targets;

	private final Map<UUID, String> names;

	Desk(Scene scene, WorkingCalendar calendar, Map<Priority, ServiceTarget> targets, Map<UUID, String> names) {
		this.scene = scene;
		this.random = scene.random;
		this.calendar = calendar;
		this.targets = targets;
		this.names = names;
	}

	/**
	 * Writes {@code count} tickets numbered from {@code number}; returns the next number.
	 */
	long write(List<Site> sites, int count, long number) {
		if (sites.isEmpty()) {
			return number;
		}
		List<Course> courses = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Site site = sites.get(this.random.nextInt(sites.size()));
			City.Unit unit = unit(site.unitId());
			City.Supplier supplier = supplier(site.supplierId());
			if (unit != null && supplier != null && !supplier.operators.isEmpty()) {
				courses.add(plan(site, unit, supplier));
			}
		}
		courses.sort(Comparator.comparing(Course::opened));
		for (Course course : courses) {
			int year = course.opened().atZone(CityTime.ZONE).getYear();
			write(course, String.format("T%d-%06d", year, number++));
		}
		return number;
	}

	private Course plan(Site site, City.Unit unit, City.Supplier supplier) {
		Priority priority = priority();
		ServiceTarget target = this.targets.get(priority);
		Timeline timeline = target.workingTime() ? this.calendar : Timeline.ROUND_THE_CLOCK;
		Duration day = this.calendar.workingDay();
		Person raiser = unit.clerk(this.random.nextInt(8));
		Person operator = supplier.operators.get(this.random.nextInt(supplier.operators.size()));
		Course course = new Course(site, priority, target.workingTime(), (int) target.response(day).toMinutes(),
				(int) target.resolution(day).toMinutes(), opened(site, target.workingTime()), raiser, operator,
				this.random.nextInt(Texts.TITLES.length));
		Duration response = share(course.responseTarget(), 0.12);
		Instant acknowledged = timeline.plus(course.opened(), response);
		course.step(course.opened(), "OPEN", raiser, null);
		course.step(acknowledged, "ACKNOWLEDGED", operator, null);
		Duration resolution = share(course.resolutionTarget(), 0.15);
		Duration toAck = timeline.between(course.opened(), acknowledged);
		if (resolution.compareTo(toAck.plusMinutes(10)) < 0) {
			resolution = toAck.plusMinutes(10);
		}
		Instant next = TicketPause.clock(timeline, course.opened(), resolution, course.pauses).reach(1.0);
		if (this.random.nextDouble() < 0.25) {
			Duration asked = toAck.plus(resolution.minus(toAck).multipliedBy(2 + this.random.nextInt(5)).dividedBy(10));
			Instant ask = TicketPause.clock(timeline, course.opened(), asked, course.pauses).reach(1.0);
			Instant answer = ask.plus(Duration.ofMinutes(30 + this.random.nextInt(36 * 60)));
			startBetween(course, acknowledged, ask, operator);
			course.step(ask, "WAITING_ON_UNIT", operator, Texts.QUESTIONS[this.random.nextInt(Texts.QUESTIONS.length)]);
			course.step(answer, "IN_PROGRESS", raiser, Texts.ANSWERS[this.random.nextInt(Texts.ANSWERS.length)]);
			course.pauses.add(new TicketPause(ask, answer, "WAITING_ON_UNIT"));
			next = TicketPause.clock(timeline, course.opened(), resolution, course.pauses).reach(1.0);
		}
		else {
			startBetween(course, acknowledged, next, operator);
		}
		String how = Texts.RESOLUTIONS[this.random.nextInt(Texts.RESOLUTIONS.length)];
		course.step(next, "RESOLVED", operator, how);
		course.resolvedAt = next;
		if (this.random.nextDouble() < 0.03) {
			Instant reopened = next.plus(Duration.ofMinutes(120 + this.random.nextInt(48 * 60)));
			course.step(reopened, "IN_PROGRESS", raiser, "问题再次出现，请继续处理");
			course.pauses.add(new TicketPause(next, reopened, "RESOLVED"));
			resolution = resolution.plus(share(course.resolutionTarget(), 0).dividedBy(4));
			next = TicketPause.clock(timeline, course.opened(), resolution, course.pauses).reach(1.0);
			course.step(next, "RESOLVED", operator, how + "；已彻底排除");
			course.resolvedAt = next;
		}
		// Resolved: the clock stands still until reopened, so this pause never ends.
		course.pauses.add(new TicketPause(next, null, "RESOLVED"));
		boolean confirmed = this.random.nextDouble() < 0.8;
		Instant closed = confirmed ? next.plus(Duration.ofMinutes(20 + this.random.nextInt(72 * 60)))
				: next.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(5 + this.random.nextInt(60)));
		course.step(closed, "CLOSED", confirmed ? raiser : null, null);
		return course;
	}

	private void startBetween(Course course, Instant acknowledged, Instant next, Person operator) {
		Duration gap = Duration.between(acknowledged, next);
		if (gap.toMinutes() > 4 && this.random.nextDouble() < 0.7) {
			course.step(acknowledged.plus(gap.dividedBy(2 + this.random.nextInt(3))), "IN_PROGRESS", operator, null);
		}
	}

	private void write(Course course, String number) {
		Timeline timeline = course.workingTime() ? this.calendar : Timeline.ROUND_THE_CLOCK;
		new Writing(this.scene, timeline, this.names, this.random).write(course, number);
	}

	private Priority priority() {
		double p = this.random.nextDouble();
		return (p < 0.05) ? Priority.P1 : (p < 0.25) ? Priority.P2 : (p < 0.75) ? Priority.P3 : Priority.P4;
	}

	/**
	 * Counted time to a clock's event: mostly well within the target, a share of them
	 * over it.
	 */
	private Duration share(int targetMinutes, double breaches) {
		double f = (this.random.nextDouble() < breaches) ? 1.05 + this.random.nextDouble() * 1.2
				: 0.05 + Math.pow(this.random.nextDouble(), 1.5) * 0.9;
		return Duration.ofSeconds(Math.max(60, Math.round(targetMinutes * 60 * f)));
	}

	/**
	 * When a ticket is opened: a day of the last year after the system's first host ran;
	 * faults counted in working time mostly in office hours, urgent ones at any time.
	 */
	private Instant opened(Site site, boolean workingTime) {
		LocalDate first = this.scene.today.minusDays(365);
		if (site.activeFrom() != null && site.activeFrom().isAfter(first)) {
			first = site.activeFrom();
		}
		long days = Math.max(1, this.scene.today.toEpochDay() - first.toEpochDay() + 1);
		LocalDate day = first.plusDays(this.random.nextInt((int) days));
		Instant at = (workingTime || this.random.nextDouble() < 0.7)
				? CityTime.startOf(day).plusSeconds(8 * 3600 + this.random.nextInt(9 * 3600))
				: CityTime.startOf(day).plusSeconds(this.random.nextInt(86400));
		// Not in the future (today's office hours may be ahead): the same hour a day
		// earlier.
		while (at.isAfter(this.scene.now.minusSeconds(120))) {
			at = at.minus(Duration.ofDays(1));
		}
		return at;
	}

	private City.Unit unit(UUID id) {
		return this.scene.city.units.stream().filter((u) -> u.id.equals(id)).findFirst().orElse(null);
	}

	private City.Supplier supplier(UUID id) {
		return this.scene.city.suppliers.stream().filter((s) -> s.id.equals(id)).findFirst().orElse(null);
	}

	/** One ticket's planned life; what happened by now is written, the rest left out. */
	static final class Course {

		final Site site;

		final Priority priority;

		final boolean workingTime;

		final int responseTarget;

		final int resolutionTarget;

		final Instant opened;

		final Person raiser;

		final Person operator;

		final int text;

		final List<Step> steps = new ArrayList<>();

		final List<TicketPause> pauses = new ArrayList<>();

		Instant resolvedAt;

		Course(Site site, Priority priority, boolean workingTime, int responseTarget, int resolutionTarget,
				Instant opened, Person raiser, Person operator, int text) {
			this.site = site;
			this.priority = priority;
			this.workingTime = workingTime;
			this.responseTarget = responseTarget;
			this.resolutionTarget = resolutionTarget;
			this.opened = opened;
			this.raiser = raiser;
			this.operator = operator;
			this.text = text;
		}

		Instant opened() {
			return this.opened;
		}

		int responseTarget() {
			return this.responseTarget;
		}

		int resolutionTarget() {
			return this.resolutionTarget;
		}

		boolean workingTime() {
			return this.workingTime;
		}

		void step(Instant at, String to, Person by, String reason) {
			this.steps.add(new Step(at, to, by, reason));
		}

	}

	/** A step of the ledger: the status reached, by whom, why. */
	record Step(Instant at, String to, Person by, String reason) {
	}

}
