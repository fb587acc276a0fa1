package cn.govcloud.world;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import cn.govcloud.audit.AuditBackfill.PastEvent;
import cn.govcloud.shared.CityTime;
import cn.govcloud.world.City.Person;

/**
 * What every step of a lifecycle writes to: the rows, the audit events in time order, the
 * inbox notices, the clock of the world (today) and the hosts whose utilisation follows.
 */
final class Scene {

	static final String NOTIFICATION = "notification (id, user_id, category, code, args, link, created_at, read_at)";

	final Copy copy;

	final Random random;

	final LocalDate today;

	final Instant now;

	final City city;

	final Map<UUID, Tenders.PriceBook> books;

	final List<PastEvent> audit = new ArrayList<>();

	final List<Host> hosts = new ArrayList<>();

	private long address = 1 << 16;

	Scene(Copy copy, Random random, LocalDate today, Instant now, City city, Map<UUID, Tenders.PriceBook> books) {
		this.copy = copy;
		this.random = random;
		this.today = today;
		this.now = now;
		this.city = city;
		this.books = books;
	}

	/** A host whose utilisation the world writes: active from a day, of a size. */
	record Host(UUID id, LocalDate activeFrom, LocalDate until, int vcpu, int memoryGib, int profile) {
	}

	/** An instant on {@code day} in the city's office hours, not after now. */
	Instant at(LocalDate day) {
		Instant at = CityTime.startOf(day).plusSeconds(8 * 3600 + this.random.nextInt(9 * 3600));
		return at.isAfter(this.now) ? this.now.minusSeconds(60 + this.random.nextInt(3600)) : at;
	}

	void audit(Instant at, Person actor, String action, String target, String detail) {
		this.audit.add(new PastEvent(at, actor.username(), actor.organizationName(), action, target, detail));
	}

	/**
	 * A notice to each of {@code people}, read a day later when it is older than a week.
	 */
	void notify(List<Person> people, Instant at, String category, String code, String link, Object... args) {
		Instant read = at.isBefore(this.now.minusSeconds(7 * 86400)) ? at.plusSeconds(86400) : null;
		StringBuilder array = new StringBuilder("{");
		for (int i = 0; i < args.length; i++) {
			String arg = String.valueOf(args[i]).replace("\\", "\\\\").replace("\"", "\\\"");
			array.append(i > 0 ? "," : "").append('"').append(arg).append('"');
		}
		array.append('}');
		for (Person person : people) {
			this.copy.row(NOTIFICATION, UUID.randomUUID(), person.id(), category, code, array, link, at, read);
		}
	}

	Person any(List<Person> people) {
		return people.get(this.random.nextInt(people.size()));
	}

	/** The next free address of the supplier cloud (10.1.0.0 upwards). */
	String nextAddress() {
		long n = this.address++;
		return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
	}

	boolean chance(double p) {
		return this.random.nextDouble() < p;
	}

	int between(int from, int to) {
		return from + this.random.nextInt(to - from + 1);
	}

}
