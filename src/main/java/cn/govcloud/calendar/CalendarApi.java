package cn.govcloud.calendar;

import java.util.List;

import cn.govcloud.calendar.WorkingCalendar.WorkingPeriod;
import cn.govcloud.calendar.WorkingCalendars.KeptYear;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Working calendar",
		description = "Working hours, public holidays and adjusted working days the service-level clocks count in")
class CalendarApi {

	private final WorkingCalendars calendars;

	private final DataScopes scopes;

	CalendarApi(WorkingCalendars calendars, DataScopes scopes) {
		this.calendars = calendars;
		this.scopes = scopes;
	}

	@GetMapping("/hours")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "The working periods of a working day")
	List<WorkingPeriod> hours() {
		return this.calendars.workingHours();
	}

	@PutMapping("/hours")
	@Allowed(Permission.KEEP_CALENDAR)
	@Operation(summary = "Set the working periods (one to six, in order, not overlapping; Commission manager)")
	List<WorkingPeriod> setHours(@RequestBody HoursForm form) {
		return this.calendars.setWorkingHours((form.periods() != null) ? form.periods() : List.of());
	}

	@GetMapping("/years")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "The years kept, newest first, with their source")
	List<KeptYear> years() {
		return this.calendars.keptYears();
	}

	@GetMapping("/years/{year}")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "A kept year's holidays and adjusted working days; 404 for a year not kept")
	YearView year(@PathVariable int year) {
		KeptYear kept = this.calendars.kept(year).orElseThrow(() -> new NotFoundException("calendar year", year));
		return new YearView(year, kept.source(), this.calendars.days(year));
	}

	@PutMapping("/years/{year}")
	@Allowed(Permission.KEEP_CALENDAR)
	@Operation(summary = "Keep a year: replaces its holidays and adjusted working days (Commission manager)")
	YearView keep(@PathVariable int year, @RequestBody YearForm form) {
		List<CalendarDay> days = this.calendars.keepYear(year, (form.days() != null) ? form.days() : List.of(),
				form.source(), this.scopes.current().principal().userId());
		return new YearView(year, form.source().strip(), days);
	}

	record HoursForm(List<WorkingPeriod> periods) {
	}

	record YearForm(String source, List<CalendarDay> days) {
	}

	record YearView(int year, String source, List<CalendarDay> days) {
	}

}
