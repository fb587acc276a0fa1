package cn.govcloud.organization;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.web.bind.annotation.RequestHeader;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.Role;
import cn.govcloud.shared.web.FormErrors;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.shared.web.PostRedirect;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/users")
class UserController {

	private final Users users;

	private final Organizations organizations;

	private final DataScopes scopes;

	private final PostRedirect post;

	UserController(Users users, Organizations organizations, DataScopes scopes, PostRedirect post) {
		this.post = post;
		this.users = users;
		this.organizations = organizations;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_DIRECTORY)
	String list(@RequestParam(required = false) UUID organizationId, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("organizationId", organizationId);
		PageLinks.list(model, "/users",
				java.util.Map.of("organizationId", (organizationId != null) ? organizationId : "", "q",
						(q != null) ? q : ""),
				this.users.search(this.scopes.directory(), organizationId, q, sort, page, 20));
		return (htmx != null) ? "organization/users :: result" : "organization/users";
	}

	@GetMapping("/new")
	@Allowed(Permission.KEEP_ACCOUNTS)
	String newForm(@RequestParam(required = false) UUID organizationId, Model model) {
		model.addAttribute("form", new UserForm(null, null, organizationId, Set.of(), null, null, null));
		return formPage(model);
	}

	@PostMapping
	@Allowed(Permission.KEEP_ACCOUNTS)
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult binding, Model model) {
		if (!binding.hasErrors()) {
			try {
				UserAccount created = this.users.create(form);
				return "redirect:/users/" + created.id();
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(binding, ex);
			}
		}
		return formPage(model);
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_DIRECTORY)
	String show(@PathVariable UUID id, Model model) {
		UserAccount user = this.users.find(this.scopes.directory(), id);
		model.addAttribute("user", user);
		model.addAttribute("assignableRoles",
				Arrays.stream(Role.values()).filter((r) -> r.organizationKind() == user.organizationKind()).toList());
		return "organization/user";
	}

	@PostMapping("/{id}/roles")
	@Allowed(Permission.ASSIGN_ROLES)
	String roles(@PathVariable UUID id, @RequestParam(required = false) Set<Role> roles, RedirectAttributes redirect) {
		UUID user = this.users.find(this.scopes.directory(), id).id();
		return act(redirect, user,
				() -> this.users.assignRoles(user, (roles != null) ? roles : EnumSet.noneOf(Role.class)));
	}

	@PostMapping("/{id}/password-reset")
	@Allowed(Permission.KEEP_ACCOUNTS)
	String resetPassword(@PathVariable UUID id, @RequestParam String password, RedirectAttributes redirect) {
		UUID user = this.users.find(this.scopes.directory(), id).id();
		return act(redirect, user, () -> this.users.resetPassword(user, password));
	}

	@PostMapping("/{id}/unlock")
	@Allowed(Permission.KEEP_ACCOUNTS)
	String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
		UUID user = this.users.find(this.scopes.directory(), id).id();
		return act(redirect, user, () -> this.users.unlock(user));
	}

	@PostMapping("/{id}/enabled")
	@Allowed(Permission.KEEP_ACCOUNTS)
	String enabled(@PathVariable UUID id, @RequestParam boolean value, RedirectAttributes redirect) {
		UUID user = this.users.find(this.scopes.directory(), id).id();
		return act(redirect, user, () -> this.users.setEnabled(user, value));
	}

	private String act(RedirectAttributes redirect, UUID user, Runnable action) {
		return this.post.after("/users/" + user, redirect, action);
	}

	private String formPage(Model model) {
		model.addAttribute("organizations", this.organizations.active());
		model.addAttribute("roles", Role.values());
		return "organization/user-form";
	}

}
