package cn.govcloud.request;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.RequestHeader;
import cn.govcloud.catalogue.ResourceKind;
import cn.govcloud.catalogue.ResourceKinds;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.shared.web.PageMessages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An application's page — requested and approved side by side, history, the unit's
 * actions — and the Commission's review queue and decision form.
 */
@Controller
class ReviewController {

	private final ResourceApplications applications;

	private final Reviews reviews;

	private final ResourceKinds kinds;

	private final DataScopes scopes;

	private final PageMessages text;

	ReviewController(ResourceApplications applications, Reviews reviews, ResourceKinds kinds, DataScopes scopes,
			PageMessages text) {
		this.applications = applications;
		this.reviews = reviews;
		this.kinds = kinds;
		this.scopes = scopes;
		this.text = text;
	}

	@GetMapping("/applications/{id}")
	@Allowed(Permission.READ_APPLICATIONS)
	String show(@PathVariable UUID id, Model model) {
		return detail(model, this.applications.find(this.scopes.current(), id), Map.of());
	}

	@PostMapping("/applications/{id}/decision")
	@Allowed(Permission.REVIEW_APPLICATIONS)
	String decide(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect) {
		DataScope scope = this.scopes.current();
		ResourceApplication application = this.applications.find(scope, id);
		try {
			this.reviews.decide(scope, id, ApplicationForms.decision(application, form));
			redirect.addFlashAttribute("notice", "action.done");
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", form.toSingleValueMap());
			return detail(model, application, this.text.of(ex));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("conflict", this.text.of(ex));
		}
		return "redirect:/applications/" + id;
	}

	@GetMapping("/review")
	@Allowed(Permission.REVIEW_APPLICATIONS)
	String queue(@RequestParam(required = false) UUID unitId, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("unitId", unitId);
		PageLinks.list(model, "/review", Map.of("unitId", (unitId != null) ? unitId : "", "q", (q != null) ? q : ""),
				this.applications.search(this.scopes.current(),
						new ApplicationFilter(ApplicationStatus.SUBMITTED, null, unitId, q), sort, page, 20));
		return (htmx != null) ? "request/queue :: result" : "request/queue";
	}

	private String detail(Model model, ResourceApplication application, Map<String, String> errors) {
		DataScope scope = this.scopes.current();
		model.addAttribute("resourceApp", application);
		model.addAttribute("kinds",
				this.kinds.all().stream().collect(Collectors.toMap(ResourceKind::code, Function.identity())));
		model.addAttribute("history", this.applications.history(scope, application.id()));
		model.addAttribute("fieldErrors", errors);
		model.addAttribute("mine", scope.canWrite(application.unitId())
				&& scope.principal().organizationId().equals(application.unitId()));
		return "request/detail";
	}

}
