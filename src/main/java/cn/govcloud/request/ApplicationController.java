package cn.govcloud.request;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.RequestHeader;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.shared.web.PageMessages;
import cn.govcloud.systems.ApplicationSystem;
import cn.govcloud.systems.ApplicationSystems;
import cn.govcloud.shared.web.PostRedirect;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A unit's pages: its applications, drafting with lines edited in place (htmx), submit,
 * withdraw.
 */
@Controller
@RequestMapping("/applications")
class ApplicationController {

	private final ResourceApplications applications;

	private final ApplicationSystems systems;

	private final DraftPage page;

	private final DataScopes scopes;

	private final PageMessages text;

	private final PostRedirect post;

	ApplicationController(ResourceApplications applications, ApplicationSystems systems, DraftPage page,
			DataScopes scopes, PageMessages text, PostRedirect post) {
		this.post = post;
		this.text = text;
		this.applications = applications;
		this.systems = systems;
		this.page = page;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_APPLICATIONS)
	String list(@RequestParam(required = false) ApplicationStatus status, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		DataScope scope = this.scopes.current();
		model.addAttribute("statuses", ApplicationStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		PageLinks.list(model, "/applications",
				Map.of("status", (status != null) ? status.name() : "", "q", (q != null) ? q : ""),
				this.applications.search(scope, new ApplicationFilter(status, null, null, q), sort, page, 20));
		if (htmx != null) {
			return "request/list :: result";
		}
		// the systems to apply for: only for those who may apply (the Commission's list
		// would
		// read and sort the city's 7,500 systems to show nothing)
		model.addAttribute("systems", scope.principal().may(Permission.APPLY_FOR_RESOURCES)
				? this.systems.search(scope, null, null, null, 0, 200).items() : List.of());
		return "request/list";
	}

	@GetMapping("/new")
	@Allowed(Permission.APPLY_FOR_RESOURCES)
	String newForm(@RequestParam UUID systemId, Model model) {
		ApplicationSystem system = this.systems.findWritable(this.scopes.current(), systemId);
		return this.page.render(model, system, null, new ApplicationDraft(systemId, null, null, java.util.List.of()),
				null);
	}

	@PostMapping
	@Allowed(Permission.APPLY_FOR_RESOURCES)
	String create(@RequestParam UUID systemId, @RequestParam MultiValueMap<String, String> form, Model model) {
		DataScope scope = this.scopes.current();
		ApplicationSystem system = this.systems.findWritable(scope, systemId);
		ApplicationDraft draft = ApplicationForms.draft(systemId, form);
		try {
			return "redirect:/applications/" + this.applications.draft(scope, draft).id();
		}
		catch (InvalidInputException ex) {
			return this.page.render(model, system, null, draft, ex);
		}
	}

	@GetMapping("/{id}/edit")
	@Allowed(Permission.APPLY_FOR_RESOURCES)
	String editForm(@PathVariable UUID id, Model model) {
		DataScope scope = this.scopes.current();
		ResourceApplication application = this.applications.find(scope, id);
		ApplicationSystem system = this.systems.findWritable(scope, application.systemId());
		return this.page.render(model, system, application, PageLines.asDraft(application), null);
	}

	@PostMapping("/{id}")
	@Allowed(Permission.APPLY_FOR_RESOURCES)
	String revise(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
			RedirectAttributes redirect) {
		DataScope scope = this.scopes.current();
		ResourceApplication application = this.applications.find(scope, id);
		try {
			this.applications.revise(scope, id, ApplicationForms.draft(application.systemId(), form));
			if (form.containsKey("submit")) {
				this.applications.submit(scope, id);
			}
			return "redirect:/applications/" + id;
		}
		catch (InvalidInputException ex) {
			ApplicationSystem system = this.systems.findWritable(scope, application.systemId());
			return this.page.render(model, system, application, ApplicationForms.draft(application.systemId(), form),
					ex);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("conflict", this.text.of(ex));
			return "redirect:/applications/" + id;
		}
	}

	@PostMapping("/{id}/submit")
	@Allowed(Permission.APPLY_FOR_RESOURCES)
	String submit(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.applications.submit(this.scopes.current(), id));
	}

	@PostMapping("/{id}/withdraw")
	@Allowed(Permission.APPLY_FOR_RESOURCES)
	String withdraw(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.applications.withdraw(this.scopes.current(), id));
	}

	/** One more empty line, for htmx to append. */
	@GetMapping("/form/line")
	@Allowed(Permission.APPLY_FOR_RESOURCES)
	String line(@RequestParam int index, @RequestParam(defaultValue = "NEW") String type, Model model) {
		return this.page.line(model, index, type);
	}

	/** The spec inputs of the chosen kind, for htmx to swap into a line. */
	@GetMapping("/form/spec")
	@Allowed(Permission.APPLY_FOR_RESOURCES)
	String spec(@RequestParam int index, @RequestParam MultiValueMap<String, String> params, Model model) {
		return this.page.spec(model, index, params.getFirst("lines[" + index + "].kind"));
	}

	private String act(UUID id, RedirectAttributes redirect, Runnable action) {
		return this.post.after("/applications/" + id, redirect, action);
	}

}
