package cn.govcloud.organization;

import java.util.UUID;

import org.springframework.web.bind.annotation.RequestHeader;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FormErrors;
import cn.govcloud.shared.web.PageLinks;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/organizations")
class OrganizationController {

	private final Organizations organizations;

	private final Users users;

	private final DataScopes scopes;

	OrganizationController(Organizations organizations, Users users, DataScopes scopes) {
		this.organizations = organizations;
		this.users = users;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_DIRECTORY)
	String list(@RequestParam(required = false) OrganizationKind kind, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("kinds", OrganizationKind.values());
		model.addAttribute("kind", kind);
		model.addAttribute("q", q);
		PageLinks.list(model, "/organizations",
				java.util.Map.of("kind", (kind != null) ? kind.name() : "", "q", (q != null) ? q : ""),
				this.organizations.search(this.scopes.directory(), kind, q, sort, page, 20));
		return (htmx != null) ? "organization/list :: result" : "organization/list";
	}

	@GetMapping("/new")
	@Allowed(Permission.KEEP_ACCOUNTS)
	String newForm(Model model) {
		model.addAttribute("form", new OrganizationForm(OrganizationKind.UNIT, null, null, null, null));
		model.addAttribute("kinds", OrganizationKind.values());
		return "organization/form";
	}

	@PostMapping
	@Allowed(Permission.KEEP_ACCOUNTS)
	String register(@Valid @ModelAttribute("form") OrganizationForm form, BindingResult binding, Model model) {
		if (!binding.hasErrors()) {
			try {
				Organization created = this.organizations.register(form);
				return "redirect:/organizations/" + created.id();
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(binding, ex);
			}
		}
		model.addAttribute("kinds", OrganizationKind.values());
		return "organization/form";
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_DIRECTORY)
	String show(@PathVariable UUID id, Model model) {
		Organization organization = this.organizations.find(this.scopes.directory(), id);
		model.addAttribute("organization", organization);
		model.addAttribute("form", new OrganizationForm(organization.kind(), organization.name(),
				organization.creditCode(), organization.contactPerson(), organization.contactPhone()));
		model.addAttribute("members", this.users.search(this.scopes.directory(), id, null, 0, 200));
		return "organization/detail";
	}

	@PostMapping("/{id}")
	@Allowed(Permission.KEEP_ACCOUNTS)
	String update(@PathVariable UUID id, @Valid @ModelAttribute("form") OrganizationForm form, BindingResult binding,
			Model model) {
		if (!binding.hasErrors()) {
			try {
				this.organizations.update(this.scopes.directory(), id, form);
				return "redirect:/organizations/" + id;
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(binding, ex);
			}
		}
		model.addAttribute("organization", this.organizations.find(this.scopes.directory(), id));
		model.addAttribute("members", this.users.search(this.scopes.directory(), id, null, 0, 200));
		return "organization/detail";
	}

	@PostMapping("/{id}/active")
	@Allowed(Permission.KEEP_ACCOUNTS)
	String setActive(@PathVariable UUID id, @RequestParam boolean value) {
		this.organizations.setActive(this.scopes.directory(), id, value);
		return "redirect:/organizations/" + id;
	}

}
