package cn.govcloud.assessment;

import java.util.UUID;

import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InputBounds;
import cn.govcloud.shared.Permission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A supplier's draft assessment of a year (Art. 19): the score with its drill-down, the
 * payment ratio and each contract's payment due. The Commission chooses the supplier; a
 * supplier sees its own.
 */
@Controller
class AssessmentController {

	private final Assessments assessments;

	private final Organizations organizations;

	private final DataScopes scopes;

	AssessmentController(Assessments assessments, Organizations organizations, DataScopes scopes) {
		this.assessments = assessments;
		this.organizations = organizations;
		this.scopes = scopes;
	}

	@GetMapping("/assessment")
	@Allowed(Permission.READ_ASSESSMENTS)
	String draft(@RequestParam(required = false) Integer year, @RequestParam(required = false) UUID supplierId,
			Model model) {
		int shown = InputBounds.year(year);
		DataScope scope = this.scopes.current();
		UUID supplier = scope.supplierParty().orElse(supplierId);
		model.addAttribute("year", shown);
		model.addAttribute("suppliers",
				scope.supplierParty().isPresent() ? java.util.List.of() : this.organizations.suppliers());
		model.addAttribute("supplierId", supplier);
		if (supplier != null) {
			model.addAttribute("assessment", this.assessments.draft(scope, shown, supplier));
		}
		return "assessment/draft";
	}

}
