package cn.govcloud.systems;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FormErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the system's page that change it: a plan upload, a status change, a
 * request for an exemption, the Commission's decision. Done → back to the page with a
 * notice; refused → the page again with the reasons next to the fields.
 */
@Controller
@RequestMapping("/systems/{id}")
class SystemActionsController {

	private final ApplicationSystems systems;

	private final ConstructionPlans plans;

	private final Exemptions exemptions;

	private final SystemPage page;

	private final DataScopes scopes;

	SystemActionsController(ApplicationSystems systems, ConstructionPlans plans, Exemptions exemptions, SystemPage page,
			DataScopes scopes) {
		this.systems = systems;
		this.plans = plans;
		this.exemptions = exemptions;
		this.page = page;
		this.scopes = scopes;
	}

	@PostMapping("/plans")
	@Allowed(Permission.KEEP_REGISTER)
	String upload(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		try {
			this.plans.upload(this.scopes.current(), id, (file != null) ? file.getOriginalFilename() : null,
					(file != null) ? file.getBytes() : null);
			return done(redirect, id, "system.plan.uploaded");
		}
		catch (InvalidInputException ex) {
			model.addAttribute("planErrors", FormErrors.messages(ex));
		}
		return this.page.detail(model, this.scopes.current(), id);
	}

	@PostMapping("/status")
	@Allowed(Permission.KEEP_REGISTER)
	String changeStatus(@PathVariable UUID id, @Valid @ModelAttribute("transition") TransitionForm form,
			BindingResult binding, WebRequest request, Model model, RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			try {
				this.systems.changeStatus(this.scopes.current(), id, form.toChange());
				return done(redirect, id, "system.status.done");
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(binding, ex);
			}
			catch (ConflictException ex) {
				conflict(model, ex);
			}
		}
		// As entered: a form that could not be bound (e.g. an impossible date) has no
		// object.
		model.addAttribute("failedTransition", new Entered(request.getParameter("status"),
				request.getParameter("targetDate"), request.getParameter("reason")));
		return this.page.detail(model, this.scopes.current(), id);
	}

	@PostMapping("/exemption")
	@Allowed(Permission.KEEP_REGISTER)
	String requestExemption(@PathVariable UUID id, @Valid @ModelAttribute("exemption") ExemptionForm form,
			BindingResult binding, WebRequest request, Model model, RedirectAttributes redirect) throws IOException {
		if (!binding.hasErrors()) {
			MultipartFile file = form.file();
			try {
				this.exemptions.request(this.scopes.current(), id, form.expectedStatus(), form.exemptionBasis(),
						(file != null) ? file.getOriginalFilename() : null, (file != null) ? file.getBytes() : null);
				return done(redirect, id, "system.exemption.requested");
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(binding, ex);
			}
			catch (ConflictException ex) {
				conflict(model, ex);
			}
		}
		model.addAttribute("failedExemption", new Entered("EXEMPT", null, request.getParameter("exemptionBasis")));
		return this.page.detail(model, this.scopes.current(), id);
	}

	@PostMapping("/exemptions/{requestId}/{decision:grant|refuse}")
	@Allowed(Permission.DECIDE_EXEMPTIONS)
	String decide(@PathVariable UUID id, @PathVariable UUID requestId, @PathVariable String decision,
			@Valid @ModelAttribute("decision") DecisionForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			try {
				if (decision.equals("grant")) {
					this.exemptions.grant(this.scopes.current(), id, requestId, form.reason());
					return done(redirect, id, "system.exemption.granted");
				}
				this.exemptions.refuse(this.scopes.current(), id, requestId, form.reason());
				return done(redirect, id, "system.exemption.refused");
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(binding, ex);
			}
			catch (ConflictException ex) {
				conflict(model, ex);
			}
		}
		model.addAttribute("decisionFailed", true);
		return this.page.detail(model, this.scopes.current(), id);
	}

	private static String done(RedirectAttributes redirect, UUID id, String notice) {
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/systems/" + id;
	}

	/** Someone else changed the system first: say so above the page. */
	private static void conflict(Model model, ConflictException ex) {
		model.addAttribute("errors",
				List.of(new DefaultMessageSourceResolvable(new String[] { ex.code() }, ex.args(), ex.code())));
	}

	/** What a refused form held, as entered, to show it again. */
	record Entered(String status, String targetDate, String text) {
	}

	/** The Commission's reason. */
	record DecisionForm(@Size(max = 500) String reason) {
	}

}
