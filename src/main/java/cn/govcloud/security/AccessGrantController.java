package cn.govcloud.security;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.Text;
import cn.govcloud.shared.web.FormErrors;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.shared.web.PostRedirect;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The grant register's pages (Art. 17): the list, the supplier's request, and a grant
 * with the unit's decision and the sessions it covered.
 */
@Controller
@RequestMapping("/access-grants")
class AccessGrantController {

	private final AccessGrants grants;

	private final AccessEvents events;

	private final GrantParties parties;

	private final DataScopes scopes;

	private final PostRedirect post;

	AccessGrantController(AccessGrants grants, AccessEvents events, GrantParties parties, DataScopes scopes,
			PostRedirect post) {
		this.grants = grants;
		this.events = events;
		this.parties = parties;
		this.scopes = scopes;
		this.post = post;
	}

	@GetMapping
	@Allowed(Permission.READ_ACCESS_GRANTS)
	String list(@RequestParam(required = false) GrantStatus status, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("status", status);
		model.addAttribute("statuses", GrantStatus.values());
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("status", (status != null) ? status : "");
		PageLinks.list(model, "/access-grants", filters,
				this.grants.search(this.scopes.current(), status, null, sort, page, 20));
		return (htmx != null) ? "security/grants :: result" : "security/grants";
	}

	@GetMapping("/new")
	@Allowed(Permission.REQUEST_ACCESS)
	String newForm(@RequestParam(required = false) UUID unitId, Model model) {
		DataScope scope = this.scopes.current();
		model.addAttribute("units", this.parties.units(scope));
		model.addAttribute("unitId", unitId);
		model.addAttribute("kinds", AccessKind.values());
		model.addAttribute("choices", (unitId != null) ? this.parties.choosable(scope, unitId) : List.of());
		return "security/grant-new";
	}

	@PostMapping
	@Allowed(Permission.REQUEST_ACCESS)
	String request(@RequestParam(required = false) UUID unitId, @RequestParam(required = false) List<UUID> instanceIds,
			@RequestParam(required = false) AccessKind kind, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) String from, @RequestParam(required = false) String until,
			@RequestParam(defaultValue = "false") boolean emergency, @RequestParam(required = false) UUID ticketId,
			Model model) {
		try {
			AccessGrant grant = this.grants.request(this.scopes.current(), new AccessRequestForm(instanceIds, kind,
					purpose, emergency ? null : time(from, "from"), time(until, "until"), emergency, ticketId));
			return "redirect:/access-grants/" + grant.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", FormErrors.messages(ex));
			model.addAttribute("purpose", purpose);
			model.addAttribute("kind", kind);
			return newForm(unitId, model);
		}
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_ACCESS_GRANTS)
	String show(@PathVariable UUID id, Model model) {
		DataScope scope = this.scopes.current();
		GrantView view = GrantView.of(this.grants, scope, this.grants.find(scope, id));
		model.addAttribute("view", view);
		model.addAttribute("g", view.grant());
		model.addAttribute("covered", this.events.search(scope, null, null, id, null, 0, 50).items());
		return "security/grant";
	}

	@PostMapping("/{id}/{step:approve|refuse|revoke}")
	@Allowed(Permission.DECIDE_ACCESS)
	String decide(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) String from,
			@RequestParam(required = false) String until, @RequestParam(required = false) List<UUID> instanceIds,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		DataScope scope = this.scopes.current();
		return this.post.after("/access-grants/" + id, redirect, () -> {
			switch (step) {
				case "approve" -> this.grants.approve(scope, id, new AccessGrant.Approval(time(from, "from"),
						time(until, "until"), instanceIds, Text.stripToNull(reason)));
				case "refuse" -> this.grants.refuse(scope, id, reason);
				default -> this.grants.revoke(scope, id, reason);
			}
		});
	}

	/** A city time from a form's datetime-local field; blank is none. */
	private static Instant time(String text, String field) {
		if (Text.stripToNull(text) == null) {
			return null;
		}
		try {
			return AccessEventFile.parseTime(text);
		}
		catch (DateTimeException ex) {
			throw InvalidInputException.of(field, "access.time.invalid");
		}
	}

}
