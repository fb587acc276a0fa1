package cn.govcloud.servicedesk;

import java.util.ArrayList;
import java.util.List;

import cn.govcloud.calendar.WorkingCalendars;
import cn.govcloud.servicedesk.ServiceTarget.TargetUnit;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The service levels: attainment per supplier, priority and month (Art. 19), and the
 * targets the Commission's manager sets.
 */
@Controller
@RequestMapping("/tickets")
class ServiceLevelController {

	private final SlaAttainment attainment;

	private final ServiceTargets targets;

	private final WorkingCalendars calendars;

	private final DataScopes scopes;

	ServiceLevelController(SlaAttainment attainment, ServiceTargets targets, WorkingCalendars calendars,
			DataScopes scopes) {
		this.attainment = attainment;
		this.targets = targets;
		this.calendars = calendars;
		this.scopes = scopes;
	}

	@GetMapping("/attainment")
	@Allowed(Permission.READ_TICKETS)
	String attainment(@RequestParam(required = false) Integer year, Model model) {
		int shown = (year != null && year >= 2000 && year <= 2999) ? year : CityTime.today().getYear();
		model.addAttribute("year", shown);
		model.addAttribute("rows", this.attainment.year(this.scopes.current(), shown, null));
		model.addAttribute("targets", this.targets.all());
		model.addAttribute("units", TargetUnit.values());
		return "servicedesk/attainment";
	}

	@PostMapping("/targets")
	@Allowed(Permission.SET_SERVICE_TARGETS)
	String setTargets(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
		try {
			List<ServiceTarget> set = new ArrayList<>();
			for (Priority p : Priority.values()) {
				set.add(new ServiceTarget(p, number(form, p + ".responseAmount"), unit(form, p + ".responseUnit"),
						number(form, p + ".resolutionAmount"), unit(form, p + ".resolutionUnit"),
						"true".equals(form.getFirst(p + ".workingTime"))));
			}
			this.targets.set(set, this.scopes.current().principal().userId(), this.calendars.calendar().workingDay());
			redirect.addFlashAttribute("notice", "ticket.targets.saved");
			return "redirect:/tickets/attainment";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", FormErrors.messages(ex));
			return attainment(null, model);
		}
	}

	private static int number(MultiValueMap<String, String> form, String field) {
		String value = form.getFirst(field);
		try {
			return Integer.parseInt((value != null) ? value.strip() : "");
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of(field, "servicedesk.target.range");
		}
	}

	private static TargetUnit unit(MultiValueMap<String, String> form, String field) {
		try {
			return TargetUnit.valueOf(String.valueOf(form.getFirst(field)));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of(field, "error.field.required");
		}
	}

}
