package cn.govcloud.systems;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FormErrors;
import cn.govcloud.shared.web.Options;
import cn.govcloud.shared.web.PageLinks;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My application systems" for units; every unit's systems for the Commission. */
@Controller
@RequestMapping("/systems")
class SystemController {

	private final ApplicationSystems systems;

	private final SystemPage page;

	private final DataScopes scopes;

	SystemController(ApplicationSystems systems, SystemPage page, DataScopes scopes) {
		this.systems = systems;
		this.page = page;
		this.scopes = scopes;
	}

	/** The list; an htmx request (the filter form) gets just the result table. */
	@GetMapping
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	String list(@RequestParam(required = false) HostingStatus status, @RequestParam(required = false) String q,
			@RequestParam(required = false) UUID unitId, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		DataScope scope = this.scopes.current();
		model.addAttribute("statuses", HostingStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		model.addAttribute("unitId", unitId);
		if (scope.seesAll()) {
			model.addAttribute("unitOptions", Options.html(this.systems.owners(scope), ApplicationSystems.Owner::id,
					ApplicationSystems.Owner::name, unitId));
		}
		PageLinks
			.list(model, "/systems",
					Map.of("status", (status != null) ? status : "", "q", (q != null) ? q : "", "unitId",
							(unitId != null) ? unitId : ""),
					this.systems.search(scope, unitId, status, q, sort, page, 20));
		return (htmx != null) ? "systems/list :: result" : "systems/list";
	}

	@GetMapping("/new")
	@Allowed(Permission.KEEP_REGISTER)
	String newForm(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new RegisterRequest(null, null, null, null, null, null, HostingStatus.PLANNED));
		}
		DataScope scope = this.scopes.current();
		model.addAttribute("officers", this.page.officers(scope, scope.principal().organizationId()));
		model.addAttribute("initialStatuses",
				Arrays.stream(HostingStatus.values()).filter(ApplicationSystems.INITIAL::contains).toList());
		return "systems/form";
	}

	@PostMapping
	@Allowed(Permission.KEEP_REGISTER)
	String register(@Valid @ModelAttribute("form") RegisterRequest form, BindingResult binding, Model model) {
		if (!binding.hasErrors()) {
			try {
				ApplicationSystem created = this.systems.register(this.scopes.current(), form.toForm(),
						form.hostingStatus());
				return "redirect:/systems/" + created.id();
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(binding, ex);
			}
		}
		return newForm(model);
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	String show(@PathVariable UUID id, Model model) {
		return this.page.detail(model, this.scopes.current(), id);
	}

	@PostMapping("/{id}")
	@Allowed(Permission.KEEP_REGISTER)
	String update(@PathVariable UUID id, @Valid @ModelAttribute("form") SystemForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			try {
				this.systems.update(this.scopes.current(), id, form);
				redirect.addFlashAttribute("notice", "system.saved");
				return "redirect:/systems/" + id;
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(binding, ex);
			}
		}
		return this.page.detail(model, this.scopes.current(), id);
	}

}
