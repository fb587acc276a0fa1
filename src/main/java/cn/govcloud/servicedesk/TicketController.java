package cn.govcloud.servicedesk;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.RequestHeader;
import cn.govcloud.organization.Users;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FormErrors;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.shared.web.PageMessages;
import cn.govcloud.systems.ApplicationSystem;
import cn.govcloud.systems.ApplicationSystems;

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
 * The service desk's pages: the list (filters, search, sorting), raising a ticket, and a
 * ticket with its clocks, history and the steps the viewer may take.
 */
@Controller
@RequestMapping("/tickets")
class TicketController {

	private static final int FOLLOWER_CHOICES = 100;

	private final Tickets tickets;

	private final ApplicationSystems systems;

	private final DataScopes scopes;

	private final PageMessages messages;

	private final TicketAttachments attachments;

	private final Users users;

	TicketController(Tickets tickets, ApplicationSystems systems, DataScopes scopes, PageMessages messages,
			TicketAttachments attachments, Users users) {
		this.tickets = tickets;
		this.systems = systems;
		this.scopes = scopes;
		this.messages = messages;
		this.attachments = attachments;
		this.users = users;
	}

	@GetMapping
	@Allowed(Permission.READ_TICKETS)
	String list(@RequestParam(required = false) TicketStatus status, @RequestParam(required = false) Priority priority,
			@RequestParam(required = false) TicketCategory category, @RequestParam(required = false) Boolean breached,
			@RequestParam(required = false) String q, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		TicketFilter filter = new TicketFilter(status, priority, category, null, null, breached, q);
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("categories", TicketCategory.values());
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("status", (status != null) ? status : "");
		filters.put("priority", (priority != null) ? priority : "");
		filters.put("category", (category != null) ? category : "");
		filters.put("breached", (breached != null) ? breached : "");
		filters.put("q", (q != null) ? q : "");
		PageLinks.list(model, "/tickets", filters, this.tickets.search(this.scopes.current(), filter, sort, page, 20));
		return (htmx != null) ? "servicedesk/list :: result" : "servicedesk/list";
	}

	@GetMapping("/new")
	@Allowed(Permission.RAISE_TICKETS)
	String newForm(@RequestParam(required = false) UUID systemId, Model model) {
		DataScope scope = this.scopes.current();
		if (systemId != null) {
			ApplicationSystem system = this.systems.find(scope, systemId);
			model.addAttribute("system", system);
			// Followers come from the system's unit (Art. 10: the unit's people follow
			// its
			// problem reports); the raiser follows anyway.
			model.addAttribute("colleagues",
					this.users.search(scope, system.unitId(), null, 0, FOLLOWER_CHOICES)
						.items()
						.stream()
						.filter((u) -> !u.id().equals(scope.principal().userId()))
						.toList());
		}
		model.addAttribute("categories", TicketCategory.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("systemId", systemId);
		return "servicedesk/new";
	}

	@PostMapping
	@Allowed(Permission.RAISE_TICKETS)
	String open(@RequestParam(required = false) UUID systemId, @RequestParam(required = false) UUID instanceId,
			@RequestParam(required = false) TicketCategory category, @RequestParam(required = false) Priority priority,
			@RequestParam(required = false) String title, @RequestParam(required = false) String description,
			@RequestParam(required = false) List<UUID> followerIds, Model model) {
		try {
			UUID id = this.tickets
				.open(this.scopes.current(),
						new TicketForm(systemId, instanceId, category, priority, title, description, followerIds))
				.id();
			return "redirect:/tickets/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", FormErrors.messages(ex));
			model.addAttribute("title", title);
			model.addAttribute("description", description);
			model.addAttribute("category", category);
			model.addAttribute("priority", priority);
			return newForm(systemId, model);
		}
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_TICKETS)
	String show(@PathVariable UUID id, Model model) {
		DataScope scope = this.scopes.current();
		TicketView view = this.tickets.view(scope, id);
		model.addAttribute("view", view);
		model.addAttribute("t", view.ticket());
		model.addAttribute("supplierSide", scope.principal().may(Permission.HANDLE_TICKETS)
				&& scope.principal().organizationId().equals(view.ticket().supplierId()));
		model.addAttribute("unitSide",
				scope.principal().may(Permission.RAISE_TICKETS)
						&& (scope.principal().organizationId().equals(view.ticket().unitId())
								|| scope.principal().userId().equals(view.ticket().raisedBy())));
		model.addAttribute("attachments", this.attachments.list(scope, id));
		model.addAttribute("mayRate",
				view.ticket().status() == TicketStatus.CLOSED
						&& (scope.principal().userId().equals(view.ticket().raisedBy())
								|| view.followers().contains(scope.principal().userId()))
						&& view.ratings().stream().noneMatch((r) -> r.userId().equals(scope.principal().userId())));
		return "servicedesk/detail";
	}

	@PostMapping("/{id}/attachments")
	@Allowed(Permission.READ_TICKETS)
	String attach(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		try {
			this.attachments.attach(this.scopes.current(), id, (file != null) ? file.getOriginalFilename() : null,
					(file != null) ? file.getBytes() : null);
			redirect.addFlashAttribute("notice", "action.done");
			return "redirect:/tickets/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", FormErrors.messages(ex));
			return show(id, model);
		}
	}

	@PostMapping("/{id}/{step:acknowledge|start|ask|resolve|answer|confirm|reopen|comment|note|rate}")
	@Allowed(Permission.READ_TICKETS)
	String step(@PathVariable UUID id, @PathVariable String step, @RequestParam(required = false) String text,
			@RequestParam(required = false) Integer stars, Model model, RedirectAttributes redirect) {
		DataScope scope = this.scopes.current();
		try {
			switch (step) {
				case "acknowledge" -> this.tickets.acknowledge(scope, id);
				case "start" -> this.tickets.start(scope, id);
				case "ask" -> this.tickets.askUnit(scope, id, text);
				case "resolve" -> this.tickets.resolve(scope, id, text);
				case "answer" -> this.tickets.answer(scope, id, text);
				case "confirm" -> this.tickets.confirm(scope, id);
				case "reopen" -> this.tickets.reopen(scope, id, text);
				case "comment" -> this.tickets.comment(scope, id, text, false);
				case "note" -> this.tickets.comment(scope, id, text, true);
				default -> this.tickets.rate(scope, id, stars, text);
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
		return "redirect:/tickets/" + id;
	}

}
