package cn.govcloud.servicedesk;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import cn.govcloud.servicedesk.TrainingSession.Form;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FormErrors;
import cn.govcloud.shared.web.PageMessages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The trainings' pages: a year's sessions with counts per unit, and one session. */
@Controller
@RequestMapping("/trainings")
class TrainingController {

	private final Trainings trainings;

	private final DataScopes scopes;

	private final PageMessages messages;

	TrainingController(Trainings trainings, DataScopes scopes, PageMessages messages) {
		this.trainings = trainings;
		this.scopes = scopes;
		this.messages = messages;
	}

	@GetMapping
	@Allowed(Permission.READ_TICKETS)
	String list(@RequestParam(required = false) Integer year, Model model) {
		int shown = TrainingApi.yearOr(year);
		model.addAttribute("year", shown);
		model.addAttribute("sessions", this.trainings.year(shown));
		model.addAttribute("counts", this.trainings.countsByUnit(this.scopes.current(), shown));
		return "servicedesk/trainings";
	}

	@PostMapping
	@Allowed(Permission.KEEP_TRAININGS)
	String plan(@RequestParam(required = false) String topic, @RequestParam(required = false) String description,
			@RequestParam(required = false) String startsAt, @RequestParam(required = false) String place,
			@RequestParam(required = false) String trainer, @RequestParam(required = false) Integer capacity,
			Model model) {
		try {
			TrainingSession session = this.trainings.plan(this.scopes.current(),
					new Form(topic, description, startsAt(startsAt), place, trainer, capacity));
			return "redirect:/trainings/" + session.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", FormErrors.messages(ex));
			return list(null, model);
		}
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_TICKETS)
	String show(@PathVariable UUID id, Model model) {
		DataScope scope = this.scopes.current();
		TrainingSession session = this.trainings.find(id);
		model.addAttribute("s", session);
		model.addAttribute("signups", this.trainings.signups(scope, id));
		model.addAttribute("materials", this.trainings.materials(id));
		model.addAttribute("rating", this.trainings.averageRating(id));
		model.addAttribute("trainer", scope.principal().may(Permission.KEEP_TRAININGS)
				&& scope.principal().organizationId().equals(session.supplierId()));
		return "servicedesk/training";
	}

	@PostMapping("/{id}/{step:signup|attendance|cancel|rate|materials}")
	@Allowed(Permission.READ_TICKETS)
	String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) UUID userId,
			@RequestParam(required = false) List<UUID> attended, @RequestParam(required = false) Integer stars,
			@RequestParam(required = false) String comment, @RequestParam(required = false) MultipartFile file,
			Model model, RedirectAttributes redirect) throws IOException {
		DataScope scope = this.scopes.current();
		try {
			switch (step) {
				case "signup" -> this.trainings.signUp(scope, id, userId);
				case "attendance" -> this.trainings.recordAttendance(scope, id, attended);
				case "cancel" -> this.trainings.cancel(scope, id);
				case "rate" -> this.trainings.rate(scope, id, stars, comment);
				default -> this.trainings.attach(scope, id, (file != null) ? file.getOriginalFilename() : null,
						(file != null) ? file.getBytes() : null);
			}
			redirect.addFlashAttribute("notice", "action.done");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("conflict", this.messages.of(ex));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", FormErrors.messages(ex));
			return show(id, model);
		}
		return "redirect:/trainings/" + id;
	}

	private static java.time.Instant startsAt(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(CityTime.ZONE).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw InvalidInputException.of("startsAt", "training.startsAt.future");
		}
	}

}
