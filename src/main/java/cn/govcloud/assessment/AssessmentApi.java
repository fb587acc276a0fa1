package cn.govcloud.assessment;

import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InputBounds;
import cn.govcloud.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/assessment")
@Tag(name = "Assessment", description = "The supplier's yearly assessment that sets its payment (Art. 19)")
class AssessmentApi {

	private final Assessments assessments;

	private final DataScopes scopes;

	AssessmentApi(Assessments assessments, DataScopes scopes) {
		this.assessments = assessments;
		this.scopes = scopes;
	}

	@GetMapping("/{year}/suppliers/{supplierId}")
	@Allowed(Permission.READ_ASSESSMENTS)
	@Operation(summary = "A supplier's draft score of the year with its drill-down per indicator (no data and "
			+ "re-normalised weights shown), the payment ratio, the recommendation and each contract's payment due")
	SupplierAssessment draft(@PathVariable int year, @PathVariable UUID supplierId) {
		return this.assessments.draft(this.scopes.current(), InputBounds.year(year), supplierId);
	}

}
