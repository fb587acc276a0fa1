package cn.govcloud.world;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import cn.govcloud.calendar.Timeline;
import cn.govcloud.servicedesk.ServiceClock;
import cn.govcloud.servicedesk.Tickets;
import cn.govcloud.world.City.Person;
import cn.govcloud.world.Desk.Course;
import cn.govcloud.world.Desk.Step;

/**
 * Writes what of a planned ticket's life happened by now: its row as the service desk's
 * steps leave it (status, assignee, the clocks' figures, the escalations' stamps), a
 * ledger row per step, the pauses and a rating.
 */
final class Writing {

	private final Scene scene;

	private final Timeline timeline;

	private final Map<UUID, String> names;

	private final Random random;

	Writing(Scene scene, Timeline timeline, Map<UUID, String> names, Random random) {
		this.scene = scene;
		this.timeline = timeline;
		this.names = names;
		this.random = random;
	}

	void write(Course course, String number) {
		Instant now = this.scene.now;
		List<Step> happened = course.steps.stream()
			.filter((s) -> !s.at().isAfter(now))
			.sorted(Comparator.comparing(Step::at))
			.toList();
		List<TicketPause> pauses = course.pauses.stream()
			.filter((p) -> !p.from().isAfter(now))
			.map((p) -> (p.until() != null && p.until().isAfter(now)) ? new TicketPause(p.from(), null, p.kind()) : p)
			.toList();
		Step last = happened.get(happened.size() - 1);
		String status = last.to();
		Step ack = find(happened, "ACKNOWLEDGED");
		boolean done = status.equals("RESOLVED") || status.equals("CLOSED");
		Step resolved = done ? happened.stream().filter((s) -> s.to().equals("RESOLVED")).reduce((a, b) -> b).get()
				: null;
		Step closed = status.equals("CLOSED") ? last : null;
		Instant opened = course.opened();
		Integer responseMinutes = (ack != null) ? minutes(this.timeline.between(opened, ack.at())) : null;
		Integer resolutionMinutes = (resolved != null)
				? minutes(TicketPause.clock(this.timeline, opened, Duration.ZERO, pauses).elapsed(resolved.at()))
				: null;
		Instant responseStop = (ack != null) ? ack.at() : now;
		Instant resolutionStop = (resolved != null) ? resolved.at() : now;
		Instant[] response = stamps(opened, course.responseTarget(), List.of(), responseStop);
		Instant[] resolution = stamps(opened, course.resolutionTarget(), pauses, resolutionStop);
		Texts.Text text = Texts.of(course.text, course.site.systemName());
		UUID id = UUID.randomUUID();
		boolean onHost = course.site.instanceId() != null && (course.text % 2 == 0);
		Person operator = (ack != null) ? course.operator : null;
		this.scene.copy.row(Desk.TICKET, id, number, course.site.unitId(), course.site.supplierId(),
				course.site.systemId(), course.site.systemName(), onHost ? course.site.instanceId() : null,
				onHost ? course.site.instanceName() : null, text.category(), course.priority.name(), text.title(),
				text.description(), array(Tickets.searchTokens(text.title(), text.description(), number)), status,
				course.raiser.id(), name(course.raiser), opened, course.workingTime(), course.responseTarget(),
				course.resolutionTarget(), (operator != null) ? operator.id() : null,
				(operator != null) ? name(operator) : null, (ack != null) ? ack.at() : null, responseMinutes,
				(resolved != null) ? resolved.at() : null, (resolved != null) ? resolved.reason() : null,
				resolutionMinutes, (closed != null) ? closed.at() : null,
				(closed != null && closed.by() != null) ? closed.by().id() : null, response[0], response[1],
				resolution[0], resolution[1], last.at(), (last.by() != null) ? last.by().id() : null,
				(last.by() != null) ? name(last.by()) : "GovCloud");
		for (Step step : happened) {
			this.scene.copy.row(Desk.EVENT, id, step.at(), (step.by() != null) ? step.by().id() : null, step.to(),
					step.reason());
		}
		for (TicketPause pause : pauses) {
			this.scene.copy.row(Desk.PAUSE, id, pause.from(), pause.until(), pause.kind(), "");
		}
		if (closed != null && this.random.nextDouble() < 0.75) {
			rate(id, course.raiser, closed.at(), response[1] != null || resolution[1] != null);
		}
	}

	/** One rating by the raiser after the close (Art. 19: satisfaction), if by now. */
	private void rate(UUID ticket, Person raiser, Instant closed, boolean breached) {
		Instant at = closed.plus(Duration.ofMinutes(10 + this.random.nextInt(2 * 24 * 60)));
		if (at.isAfter(this.scene.now)) {
			return;
		}
		int stars = breached ? 2 + this.random.nextInt(3) : (this.random.nextDouble() < 0.7) ? 5 : 4;
		String comment = (this.random.nextDouble() < 0.4) ? Texts.COMMENTS[stars - 1] : "";
		this.scene.copy.row(Desk.RATING, ticket, raiser.id(), stars, comment, at);
	}

	/**
	 * When the escalation told the supplier's manager (75 % of the target) and the
	 * Commission's (the breach), if the clock got there before it stopped.
	 */
	private Instant[] stamps(Instant opened, int targetMinutes, List<TicketPause> pauses, Instant stop) {
		Duration target = Duration.ofMinutes(targetMinutes);
		ServiceClock clock = TicketPause.clock(this.timeline, opened, target, pauses);
		Instant warned = clock.reach(0.75);
		Instant breached = clock.reach(1.0);
		return new Instant[] { (warned != null && warned.isBefore(stop)) ? warned : null,
				(breached != null && breached.isBefore(stop)) ? breached : null };
	}

	private static Step find(List<Step> steps, String to) {
		return steps.stream().filter((s) -> s.to().equals(to)).findFirst().orElse(null);
	}

	private String name(Person person) {
		return this.names.getOrDefault(person.id(), person.username());
	}

	private static int minutes(Duration duration) {
		return (int) Math.min(Integer.MAX_VALUE, duration.toMinutes());
	}

	/** A text[] in COPY's text format; tokens hold letters and digits only. */
	private static String array(String[] tokens) {
		StringBuilder out = new StringBuilder("{");
		for (int i = 0; i < tokens.length; i++) {
			out.append((i > 0) ? "," : "").append('"').append(tokens[i]).append('"');
		}
		return out.append('}').toString();
	}

}
