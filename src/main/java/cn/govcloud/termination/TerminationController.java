package cn.govcloud.termination;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import org.springframework.web.bind.annotation.RequestHeader;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.shared.web.PageMessages;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The termination pages (Art. 9): the unit's application form (from the system's page),
 * the list (the Commission's review queue with status "submitted") and the application's
 * page with the reviewer's decision.
 */
@Controller
@RequestMapping("/terminations")
class TerminationController {

	private final Terminations terminations;

	private final TerminationReviews reviews;

	private final TerminationFormPage formPage;

	private final DataScopes scopes;

	private final PageMessages messages;

	TerminationController(Terminations terminations, TerminationReviews reviews, TerminationFormPage formPage,
			DataScopes scopes, PageMessages messages) {
		this.terminations = terminations;
		this.reviews = reviews;
		this.formPage = formPage;
		this.scopes = scopes;
		this.messages = messages;
	}

	@GetMapping
	@Allowed(Permission.READ_TERMINATIONS)
	String list(@RequestParam(required = false) TerminationStatus status, @RequestParam(required = false) UUID systemId,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("statuses", TerminationStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("systemId", systemId);
		PageLinks.list(model, "/terminations",
				Map.of("status", (status != null) ? status.name() : "", "systemId", (systemId != null) ? systemId : ""),
				this.terminations.search(this.scopes.current(), status, systemId, sort, page, 20));
		return (htmx != null) ? "termination/list :: result" : "termination/list";
	}

	@GetMapping("/new")
	@Allowed(Permission.APPLY_FOR_TERMINATION)
	String form(@RequestParam UUID systemId, Model model) {
		TerminationForm blank = new TerminationForm(systemId, true, List.of(), cn.govcloud.shared.CityTime.today(),
				null, null, null, null);
		return this.formPage.show(model, blank, null);
	}

	@PostMapping
	@Allowed(Permission.APPLY_FOR_TERMINATION)
	String apply(@RequestParam UUID systemId, @RequestParam(defaultValue = "true") boolean wholeSystem,
			@RequestParam(required = false) List<UUID> instanceIds,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate offlineOn,
			@RequestParam(required = false) DataHandling dataHandling,
			@RequestParam(required = false) String dataLocation,
			@RequestParam(required = false) OpenApplications openApplications,
			@RequestParam(required = false) String note, @RequestParam(required = false) MultipartFile file,
			Model model) throws IOException {
		TerminationForm form = new TerminationForm(systemId, wholeSystem, instanceIds, offlineOn, dataHandling,
				dataLocation, openApplications, note);
		try {
			Termination done = this.terminations.apply(this.scopes.current(), form,
					(file != null) ? file.getOriginalFilename() : null, (file != null) ? file.getBytes() : null);
			return "redirect:/terminations/" + done.id();
		}
		catch (InvalidInputException ex) {
			return this.formPage.show(model, form, ex);
		}
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_TERMINATIONS)
	String show(@PathVariable UUID id, Model model) {
		return detail(model, id, null);
	}

	@PostMapping("/{id}/decision")
	@Allowed(Permission.REVIEW_TERMINATIONS)
	String decide(@PathVariable UUID id, @RequestParam(required = false) TerminationDecision decision,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
		try {
			this.reviews.decide(this.scopes.current(), id, new DecisionForm(decision, reason));
		}
		catch (InvalidInputException ex) {
			return detail(model, id, ex);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("conflict", this.messages.of(ex));
		}
		return "redirect:/terminations/" + id;
	}

	private String detail(Model model, UUID id, InvalidInputException problems) {
		model.addAttribute("termination", this.terminations.find(this.scopes.current(), id));
		model.addAttribute("fieldErrors", this.messages.of(problems));
		return "termination/detail";
	}

}
