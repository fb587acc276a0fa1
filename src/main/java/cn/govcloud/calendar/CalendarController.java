package cn.govcloud.calendar;

import java.util.List;
import java.util.Optional;

import cn.govcloud.calendar.WorkingCalendar.WorkingPeriod;
import cn.govcloud.calendar.WorkingCalendars.KeptYear;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The working calendar: everyone in business reads it (the clocks of their tickets count
 * in it); the Commission's manager keeps it, pasting a year from the State Council's
 * notice each November.
 */
@Controller
@RequestMapping("/calendar")
class CalendarController {

	private static final int FIRST_YEAR = 2000;

	private static final int LAST_YEAR = 2999;

	private final WorkingCalendars calendars;

	private final DataScopes scopes;

	CalendarController(WorkingCalendars calendars, DataScopes scopes) {
		this.calendars = calendars;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	String show(@RequestParam(required = false) Integer year, Model model) {
		int thisYear = CityTime.today().getYear();
		int shown = (year != null && year >= FIRST_YEAR && year <= LAST_YEAR) ? year : thisYear;
		List<KeptYear> kept = this.calendars.keptYears();
		Optional<KeptYear> keptShown = kept.stream().filter((k) -> k.year() == shown).findFirst();
		List<CalendarDay> days = this.calendars.days(shown);
		List<WorkingPeriod> hours = this.calendars.workingHours();
		model.addAttribute("year", shown);
		model.addAttribute("kept", kept);
		model.addAttribute("keptShown", keptShown.orElse(null));
		model.addAttribute("days", days);
		model.addAttribute("hours", hours);
		model.addAttribute("workingDayMinutes", this.calendars.calendar().workingDay().toMinutes());
		// The next year's holidays come out each November; until they are kept, clocks
		// running into January count only weekends as days off.
		model.addAttribute("nextYearMissing",
				kept.stream().noneMatch((k) -> k.year() == thisYear + 1) && CityTime.today().getMonthValue() >= 11);
		model.addAttribute("nextYear", thisYear + 1);
		if (!model.containsAttribute("daysText")) {
			model.addAttribute("daysText", CalendarText.days(days));
			model.addAttribute("source", keptShown.map(KeptYear::source).orElse(""));
			model.addAttribute("hoursText", CalendarText.hours(hours));
		}
		return "calendar/calendar";
	}

	@PostMapping("/years")
	@Allowed(Permission.KEEP_CALENDAR)
	String keepYear(@RequestParam(required = false) Integer year, @RequestParam(required = false) String source,
			@RequestParam(required = false) String days, Model model, RedirectAttributes redirect) {
		try {
			if (year == null) {
				throw InvalidInputException.of("year", "calendar.year.range");
			}
			this.calendars.keepYear(year, CalendarText.days(days, "days"), source,
					this.scopes.current().principal().userId());
			redirect.addFlashAttribute("notice", "calendar.kept");
			return "redirect:/calendar?year=" + year;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", FormErrors.messages(ex));
			model.addAttribute("daysText", days);
			model.addAttribute("source", source);
			model.addAttribute("hoursText", CalendarText.hours(this.calendars.workingHours()));
			return show(year, model);
		}
	}

	@PostMapping("/hours")
	@Allowed(Permission.KEEP_CALENDAR)
	String setHours(@RequestParam(required = false) String hours, @RequestParam(required = false) Integer year,
			Model model, RedirectAttributes redirect) {
		try {
			this.calendars.setWorkingHours(CalendarText.hours(hours, "hours"));
			redirect.addFlashAttribute("notice", "calendar.hoursSaved");
			return "redirect:/calendar" + ((year != null) ? "?year=" + year : "");
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", FormErrors.messages(ex));
			model.addAttribute("hoursText", hours);
			int shown = (year != null) ? year : CityTime.today().getYear();
			model.addAttribute("daysText", CalendarText.days(this.calendars.days(shown)));
			model.addAttribute("source", this.calendars.kept(shown).map(KeptYear::source).orElse(""));
			return show(year, model);
		}
	}

}
