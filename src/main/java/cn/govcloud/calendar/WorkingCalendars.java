package cn.govcloud.calendar;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.calendar.WorkingCalendar.WorkingPeriod;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's working calendar as the Commission keeps it: one year at a time (the State
 * Council publishes the next year's holidays each November), and the working hours of a
 * day. Readers get a {@link WorkingCalendar} that is at most a minute old on any node.
 */
@Service
public class WorkingCalendars {

	/**
	 * How long a node keeps the calendar it read; a node that changed it rereads at once.
	 */
	private static final Duration FRESH = Duration.ofMinutes(1);

	static final int MAX_DAYS_PER_YEAR = 120;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final AtomicReference<Loaded> loaded = new AtomicReference<>();

	WorkingCalendars(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The calendar every clock and due date counts in. */
	public WorkingCalendar calendar() {
		Loaded current = this.loaded.get();
		Instant now = Instant.now();
		if (current == null || current.at().plus(FRESH).isBefore(now)) {
			current = new Loaded(now, load());
			this.loaded.set(current);
		}
		return current.calendar();
	}

	public List<WorkingPeriod> workingHours() {
		return this.jdbc.sql("SELECT starts, ends FROM calendar_working_period ORDER BY position")
			.query((rs, n) -> new WorkingPeriod(rs.getObject(1, LocalTime.class), rs.getObject(2, LocalTime.class)))
			.list();
	}

	public List<CalendarDay> days(int year) {
		return this.jdbc.sql("SELECT day, kind, name FROM calendar_day WHERE day >= :from AND day < :to ORDER BY day")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query((rs, n) -> new CalendarDay(rs.getObject(1, LocalDate.class),
					CalendarDay.Kind.valueOf(rs.getString(2)), rs.getString(3)))
			.list();
	}

	/** The years the Commission has kept, with where each came from; newest first. */
	public List<KeptYear> keptYears() {
		return this.jdbc.sql("SELECT year, kept_at, source FROM calendar_year ORDER BY year DESC")
			.query((rs, n) -> new KeptYear(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
			.list();
	}

	public Optional<KeptYear> kept(int year) {
		return keptYears().stream().filter((kept) -> kept.year() == year).findFirst();
	}

	/**
	 * Replaces a year's holidays and adjusted working days. A holiday may fall on any
	 * day; an adjusted working day is a Saturday or a Sunday (a weekday is worked
	 * anyway); each date once, inside the year.
	 * @param source where the days come from, e.g. the notice's title
	 */
	@Transactional
	public List<CalendarDay> keepYear(int year, List<CalendarDay> days, String source, UUID keptBy) {
		check(year, days, source);
		this.jdbc.sql("DELETE FROM calendar_day WHERE day >= :from AND day < :to")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.update();
		for (CalendarDay day : days) {
			this.jdbc.sql("INSERT INTO calendar_day (day, kind, name) VALUES (:day, :kind, :name)")
				.param("day", day.day())
				.param("kind", day.kind().name())
				.param("name", day.name().strip())
				.update();
		}
		this.jdbc.sql("""
				INSERT INTO calendar_year (year, kept_at, kept_by, source) VALUES (:year, :at, :by, :source)
				ON CONFLICT (year) DO UPDATE SET kept_at = EXCLUDED.kept_at, kept_by = EXCLUDED.kept_by,
				    source = EXCLUDED.source
				""")
			.param("year", year)
			.param("at", Timestamp.from(Instant.now()))
			.param("by", keptBy)
			.param("source", source.strip())
			.update();
		this.audit.record("calendar.keepYear", "calendar:" + year, AuditOutcome.SUCCESS);
		this.loaded.set(null);
		return days(year);
	}

	/** Sets the working periods of a day: one to six, in order, not overlapping. */
	@Transactional
	public List<WorkingPeriod> setWorkingHours(List<WorkingPeriod> periods) {
		List<FieldProblem> problems = new ArrayList<>();
		if (periods.isEmpty() || periods.size() > 6) {
			problems.add(new FieldProblem("periods", "calendar.periods.count"));
		}
		for (int i = 1; i < periods.size(); i++) {
			if (periods.get(i).starts().isBefore(periods.get(i - 1).ends())) {
				problems.add(new FieldProblem("periods[" + i + "].starts", "calendar.periods.overlap"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.jdbc.sql("DELETE FROM calendar_working_period").update();
		for (int i = 0; i < periods.size(); i++) {
			this.jdbc.sql("INSERT INTO calendar_working_period (position, starts, ends) VALUES (:p, :s, :e)")
				.param("p", i + 1)
				.param("s", periods.get(i).starts())
				.param("e", periods.get(i).ends())
				.update();
		}
		this.audit.record("calendar.workingHours", "calendar:hours", AuditOutcome.SUCCESS);
		this.loaded.set(null);
		return workingHours();
	}

	private static void check(int year, List<CalendarDay> days, String source) {
		List<FieldProblem> problems = new ArrayList<>();
		if (year < 2000 || year > 2999) {
			problems.add(new FieldProblem("year", "calendar.year.range"));
		}
		if (source == null || source.isBlank() || source.strip().length() > 200) {
			problems.add(new FieldProblem("source", "calendar.source.required"));
		}
		if (days.size() > MAX_DAYS_PER_YEAR) {
			problems.add(new FieldProblem("days", "calendar.days.tooMany", MAX_DAYS_PER_YEAR));
		}
		Set<LocalDate> seen = new HashSet<>();
		for (int i = 0; i < days.size() && problems.size() < 20; i++) {
			CalendarDay day = days.get(i);
			String field = "days[" + i + "]";
			if (day.day() == null || day.day().getYear() != year) {
				problems.add(new FieldProblem(field + ".day", "calendar.day.outsideYear", year));
				continue;
			}
			if (!seen.add(day.day())) {
				problems.add(new FieldProblem(field + ".day", "calendar.day.duplicate", day.day()));
			}
			if (day.kind() == null) {
				problems.add(new FieldProblem(field + ".kind", "calendar.day.kind"));
			}
			else if (day.kind() == CalendarDay.Kind.WORKDAY && !weekend(day.day())) {
				problems.add(new FieldProblem(field + ".kind", "calendar.day.workdayOnWeekday", day.day()));
			}
			if (day.name() == null || day.name().isBlank() || day.name().strip().length() > 40) {
				problems.add(new FieldProblem(field + ".name", "calendar.day.name"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static boolean weekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	private WorkingCalendar load() {
		Map<LocalDate, CalendarDay.Kind> exceptions = new HashMap<>();
		this.jdbc.sql("SELECT day, kind FROM calendar_day")
			.query((rs, n) -> exceptions.put(rs.getObject(1, LocalDate.class),
					CalendarDay.Kind.valueOf(rs.getString(2))))
			.list();
		return new WorkingCalendar(CityTime.ZONE, workingHours(), exceptions);
	}

	/** A year the Commission has kept. */
	public record KeptYear(int year, Instant keptAt, String source) {
	}

	private record Loaded(Instant at, WorkingCalendar calendar) {
	}

}
