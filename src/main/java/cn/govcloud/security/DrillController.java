package cn.govcloud.security;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.shared.web.PostRedirect;

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
 * The yearly emergency drills (Art. 14): the list, the supplier's plan, a drill with its
 * report and the problems' follow-up.
 */
@Controller
@RequestMapping("/drills")
class DrillController {

	private final Drills drills;

	private final DataScopes scopes;

	private final PostRedirect post;

	DrillController(Drills drills, DataScopes scopes, PostRedirect post) {
		this.drills = drills;
		this.scopes = scopes;
		this.post = post;
	}

	@GetMapping
	@Allowed(Permission.READ_INSPECTIONS)
	String list(@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		PageLinks.list(model, "/drills", Map.of(), this.drills.search(this.scopes.current(), sort, page, 20));
		return (htmx != null) ? "security/drills :: result" : "security/drills";
	}

	@PostMapping
	@Allowed(Permission.PUBLISH_BULLETINS_AND_DRILLS)
	String plan(@RequestParam(required = false) String plan, @RequestParam(required = false) String scenario,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String participants, RedirectAttributes redirect) {
		return this.post.after("/drills", redirect,
				() -> this.drills.plan(this.scopes.current(), new DrillForm(plan, scenario, heldOn, participants)));
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_INSPECTIONS)
	String show(@PathVariable UUID id, Model model) {
		DataScope scope = this.scopes.current();
		Drill drill = this.drills.find(scope, id);
		model.addAttribute("d", drill);
		model.addAttribute("problems", this.drills.problems(scope, id));
		model.addAttribute("mine", scope.principal().may(Permission.PUBLISH_BULLETINS_AND_DRILLS)
				&& scope.principal().organizationId().equals(drill.supplierId()));
		return "security/drill";
	}

	@PostMapping("/{id}/report")
	@Allowed(Permission.PUBLISH_BULLETINS_AND_DRILLS)
	String report(@PathVariable UUID id, @RequestParam(required = false) String report,
			@RequestParam(required = false) String problems, RedirectAttributes redirect) {
		return this.post.after("/drills/" + id, redirect,
				() -> this.drills.report(this.scopes.current(), id, report, problems));
	}

	@PostMapping("/{id}/problems/{problemId}/follow-up")
	@Allowed(Permission.PUBLISH_BULLETINS_AND_DRILLS)
	String followUp(@PathVariable UUID id, @PathVariable UUID problemId,
			@RequestParam(required = false) String followUp, RedirectAttributes redirect) {
		return this.post.after("/drills/" + id, redirect,
				() -> this.drills.followUp(this.scopes.current(), id, problemId, followUp));
	}

}
