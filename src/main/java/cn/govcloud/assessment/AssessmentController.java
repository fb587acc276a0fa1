package cn.govcloud.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InputBounds;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.PostRedirect;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A supplier's assessment of a year (Art. 19): the score with its drill-down, the payment
 * ratio and each contract's payment due; the Commission's adjustments, issue and final
 * decision, the supplier's objection; and the Commission's rules per year with their
 * versions. The Commission chooses the supplier; a supplier sees its own.
 */
@Controller
class AssessmentController {

	private final Assessments assessments;

	private final Organizations organizations;

	private final DataScopes scopes;

	private final PostRedirect post;

	AssessmentController(Assessments assessments, Organizations organizations, DataScopes scopes, PostRedirect post) {
		this.assessments = assessments;
		this.organizations = organizations;
		this.scopes = scopes;
		this.post = post;
	}

	@GetMapping("/assessment")
	@Allowed(Permission.READ_ASSESSMENTS)
	String draft(@RequestParam(required = false) Integer year, @RequestParam(required = false) UUID supplierId,
			Model model) {
		int shown = InputBounds.year(year);
		DataScope scope = this.scopes.current();
		UUID supplier = scope.supplierParty().orElse(supplierId);
		model.addAttribute("year", shown);
		model.addAttribute("suppliers", scope.supplierParty().isPresent() ? List.of() : this.organizations.suppliers());
		model.addAttribute("supplierId", supplier);
		if (supplier != null) {
			model.addAttribute("assessment", this.assessments.draft(scope, shown, supplier));
		}
		return "assessment/draft";
	}

	@PostMapping("/assessment/adjustments")
	@Allowed(Permission.MANAGE_ASSESSMENTS)
	String adjust(@RequestParam(required = false) Integer year, @RequestParam(required = false) UUID supplierId,
			@RequestParam(required = false) String points, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		int shown = InputBounds.year(year);
		return this.post.after(target(shown, supplierId), redirect, () -> this.assessments.adjust(this.scopes.current(),
				shown, supplierId, RulesFormFields.decimal(points, "points"), reason));
	}

	@PostMapping("/assessment/issue")
	@Allowed(Permission.MANAGE_ASSESSMENTS)
	String issue(@RequestParam(required = false) Integer year, @RequestParam(required = false) UUID supplierId,
			RedirectAttributes redirect) {
		int shown = InputBounds.year(year);
		return this.post.after(target(shown, supplierId), redirect,
				() -> this.assessments.issue(this.scopes.current(), shown, supplierId));
	}

	@PostMapping("/assessment/objection")
	@Allowed(Permission.OBJECT_ASSESSMENTS)
	String object(@RequestParam(required = false) Integer year, @RequestParam(required = false) UUID supplierId,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		int shown = InputBounds.year(year);
		return this.post.after(target(shown, supplierId), redirect,
				() -> this.assessments.object(this.scopes.current(), shown, supplierId, reason));
	}

	@PostMapping("/assessment/finalisation")
	@Allowed(Permission.MANAGE_ASSESSMENTS)
	String finalise(@RequestParam(required = false) Integer year, @RequestParam(required = false) UUID supplierId,
			@RequestParam(required = false) String answer, RedirectAttributes redirect) {
		int shown = InputBounds.year(year);
		return this.post.after(target(shown, supplierId), redirect,
				() -> this.assessments.finalise(this.scopes.current(), shown, supplierId, answer));
	}

	@GetMapping("/assessment/rules")
	@Allowed(Permission.READ_ASSESSMENTS)
	String rules(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer version,
			Model model) {
		int shown = InputBounds.year(year);
		AssessmentRules rules = (version != null) ? this.assessments.rules(shown, version)
				: this.assessments.rules(shown);
		model.addAttribute("year", shown);
		model.addAttribute("rules", rules);
		model.addAttribute("versions", this.assessments.versions(shown));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", RulesFormFields.padded(RulesFormFields.of(rules)));
		}
		model.addAttribute("sources", Measures.SOURCES.keySet());
		model.addAttribute("dimensions", Dimension.values());
		return "assessment/rules";
	}

	@PostMapping("/assessment/rules")
	@Allowed(Permission.MANAGE_ASSESSMENTS)
	String saveRules(@RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes redirect) {
		int shown = InputBounds.year(RulesFormFields.integerOrNull(fields.getFirst("year")));
		RulesForm form = null;
		try {
			form = RulesFormFields.parse(fields);
			this.assessments.saveRules(this.scopes.current(), shown, form);
			redirect.addFlashAttribute("notice", "action.done");
			return "redirect:/assessment/rules?year=" + shown;
		}
		catch (InvalidInputException ex) {
			if (ex instanceof RulesFormFields.Unreadable unreadable) {
				form = unreadable.form();
			}
			List<Problem> problems = new ArrayList<>();
			ex.problems().forEach((p) -> problems.add(new Problem(p.field(), p.code(), p.args())));
			model.addAttribute("problems", problems);
			model.addAttribute("form", RulesFormFields.padded(form));
			return rules(shown, null, model);
		}
	}

	private static String target(int year, UUID supplierId) {
		return "/assessment?year=" + year + ((supplierId != null) ? "&supplierId=" + supplierId : "");
	}

	/** A problem with the rules, named by its field. */
	record Problem(String field, String code, Object[] args) {
	}

}
