package cn.govcloud.security;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FormErrors;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.shared.web.PostRedirect;
import cn.govcloud.systems.ApplicationSystems;

import org.springframework.format.annotation.DateTimeFormat;
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
 * The inspections' pages (Art. 14): the list, the Commission's record of a new one, an
 * inspection with its scope, checklist and findings, and the checklists per level.
 */
@Controller
@RequestMapping("/inspections")
class InspectionController {

	private final Inspections inspections;

	private final Findings findings;

	private final ApplicationSystems systems;

	private final DataScopes scopes;

	private final PostRedirect post;

	InspectionController(Inspections inspections, Findings findings, ApplicationSystems systems, DataScopes scopes,
			PostRedirect post) {
		this.inspections = inspections;
		this.findings = findings;
		this.systems = systems;
		this.scopes = scopes;
		this.post = post;
	}

	@GetMapping
	@Allowed(Permission.READ_INSPECTIONS)
	String list(@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		PageLinks.list(model, "/inspections", Map.of(), this.inspections.search(this.scopes.current(), sort, page, 20));
		return (htmx != null) ? "security/inspections :: result" : "security/inspections";
	}

	@GetMapping("/new")
	@Allowed(Permission.KEEP_INSPECTIONS)
	String newForm(@RequestParam(required = false) List<UUID> unitIds, Model model) {
		DataScope scope = this.scopes.current();
		List<UUID> chosen = (unitIds != null) ? unitIds.stream().distinct().limit(Inspections.MAX_SCOPE).toList()
				: List.of();
		model.addAttribute("units", this.systems.owners(scope));
		model.addAttribute("unitIds", chosen);
		model.addAttribute("choices",
				chosen.stream()
					.flatMap((unit) -> this.systems.search(scope, unit, null, null, 0, Page.MAX_SIZE).items().stream())
					.toList());
		model.addAttribute("kinds", InspectedBy.values());
		return "security/inspection-new";
	}

	@PostMapping
	@Allowed(Permission.KEEP_INSPECTIONS)
	String record(@RequestParam(required = false) String title, @RequestParam(required = false) InspectedBy inspectedBy,
			@RequestParam(required = false) String thirdParty, @RequestParam(required = false) Integer protectionLevel,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
			@RequestParam(required = false) String inspectors, @RequestParam(required = false) List<UUID> unitIds,
			@RequestParam(required = false) List<UUID> systemIds, Model model) {
		InspectionForm form = new InspectionForm(title, inspectedBy, thirdParty, protectionLevel, startsOn, endsOn,
				inspectors, unitIds, systemIds);
		try {
			Inspection inspection = this.inspections.record(this.scopes.current(), form);
			return "redirect:/inspections/" + inspection.id();
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", FormErrors.messages(ex));
			model.addAttribute("form", form);
			return newForm(unitIds, model);
		}
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_INSPECTIONS)
	String show(@PathVariable UUID id, Model model) {
		DataScope scope = this.scopes.current();
		Inspection inspection = this.inspections.find(scope, id);
		model.addAttribute("i", inspection);
		model.addAttribute("units", this.inspections.unitNames(scope, id));
		model.addAttribute("scoped", this.inspections.systems(scope, id));
		model.addAttribute("checks", this.inspections.checks(scope, id));
		model.addAttribute("findings",
				this.findings
					.search(scope, new FindingFilter(null, null, null, null, null, null, id), null, 0, Page.MAX_SIZE)
					.items());
		boolean keeper = this.findings.mayVerify(scope);
		model.addAttribute("keeper", keeper);
		if (keeper) {
			model.addAttribute("severities", FindingSeverity.values());
			model.addAttribute("parties", Responsible.values());
			model.addAttribute("suppliers", this.inspections.suppliers());
		}
		return "security/inspection";
	}

	@PostMapping("/{id}/checks")
	@Allowed(Permission.KEEP_INSPECTIONS)
	String check(@PathVariable UUID id, @RequestParam(required = false) Integer position,
			@RequestParam(required = false) String result, RedirectAttributes redirect) {
		return this.post.after("/inspections/" + id, redirect,
				() -> this.inspections.check(this.scopes.current(), id, position, result));
	}

	@PostMapping("/{id}/findings")
	@Allowed(Permission.KEEP_INSPECTIONS)
	String recordFinding(@PathVariable UUID id, @RequestParam(required = false) FindingSeverity severity,
			@RequestParam(required = false) UUID systemId, @RequestParam(required = false) String description,
			@RequestParam(required = false) Responsible responsible, @RequestParam(required = false) UUID supplierId,
			RedirectAttributes redirect) {
		return this.post.after("/inspections/" + id, redirect, () -> this.findings.record(this.scopes.current(), id,
				new FindingForm(severity, systemId, description, responsible, supplierId)));
	}

	@GetMapping("/checklist")
	@Allowed(Permission.KEEP_INSPECTIONS)
	String checklist(Model model) {
		model.addAttribute("levels", Map.of(2, this.inspections.checklist(2), 3, this.inspections.checklist(3)));
		return "security/checklist";
	}

	@PostMapping("/checklist")
	@Allowed(Permission.KEEP_INSPECTIONS)
	String addItem(@RequestParam(required = false) Integer protectionLevel, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		return this.post.after("/inspections/checklist", redirect,
				() -> this.inspections.addItem(this.scopes.current(), protectionLevel, text));
	}

	@PostMapping("/checklist/{itemId}/retire")
	@Allowed(Permission.KEEP_INSPECTIONS)
	String retireItem(@PathVariable UUID itemId, RedirectAttributes redirect) {
		return this.post.after("/inspections/checklist", redirect,
				() -> this.inspections.retireItem(this.scopes.current(), itemId));
	}

}
