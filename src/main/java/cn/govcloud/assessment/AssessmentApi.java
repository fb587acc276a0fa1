package cn.govcloud.assessment;

import java.util.Locale;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InputBounds;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FileDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/assessment")
@Tag(name = "Assessment", description = "The supplier's yearly assessment that sets its payment (Art. 19)")
class AssessmentApi {

	private final Assessments assessments;

	private final DataScopes scopes;

	private final AssessmentPdf pdf;

	AssessmentApi(Assessments assessments, DataScopes scopes, AssessmentPdf pdf) {
		this.assessments = assessments;
		this.scopes = scopes;
		this.pdf = pdf;
	}

	@GetMapping("/{year}/suppliers/{supplierId}")
	@Allowed(Permission.READ_ASSESSMENTS)
	@Operation(summary = "A supplier's score of the year with its drill-down per indicator (no data and "
			+ "re-normalised weights shown), the payment ratio, the recommendation and each contract's payment due; "
			+ "once final, as finalised with the rules version it was scored with")
	SupplierAssessment draft(@PathVariable int year, @PathVariable UUID supplierId) {
		return this.assessments.draft(this.scopes.current(), InputBounds.year(year), supplierId);
	}

	@GetMapping("/{year}/suppliers/{supplierId}/pdf")
	@Allowed(Permission.READ_ASSESSMENTS)
	@Operation(summary = "The assessment report as PDF: cover with score, ratio and recommendation, the indicators "
			+ "(no data and re-normalised weights shown), the records behind them, adjustments, each contract's due")
	ResponseEntity<byte[]> pdf(@PathVariable int year, @PathVariable UUID supplierId, Locale locale) {
		int shown = InputBounds.year(year);
		SupplierAssessment assessment = this.assessments.draft(this.scopes.current(), shown, supplierId);
		return FileDownloads.of("assessment-" + shown + "-" + supplierId + ".pdf", MediaType.APPLICATION_PDF,
				this.pdf.write(assessment, locale));
	}

	@GetMapping("/{year}/rules")
	@Allowed(Permission.READ_ASSESSMENTS)
	@Operation(summary = "The rules the year is scored with now: its latest version, or the default rules (0)")
	AssessmentRules rules(@PathVariable int year) {
		return this.assessments.rules(InputBounds.year(year));
	}

	@GetMapping("/{year}/rules/{version}")
	@Allowed(Permission.READ_ASSESSMENTS)
	@Operation(summary = "One version of the year's rules")
	AssessmentRules rules(@PathVariable int year, @PathVariable int version) {
		return this.assessments.rules(InputBounds.year(year), version);
	}

	@PutMapping("/{year}/rules")
	@Allowed(Permission.MANAGE_ASSESSMENTS)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Commission saves the year's rules as a new version; 400 naming every bad field, "
			+ "nothing saved")
	AssessmentRules saveRules(@PathVariable int year, @RequestBody(required = false) RulesForm form) {
		int shown = InputBounds.year(year);
		int version = this.assessments.saveRules(this.scopes.current(), shown,
				(form != null) ? form : new RulesForm(null, null, null, null, null));
		return this.assessments.rules(shown, version);
	}

	/** A manual adjustment: points (±) and the reason. */
	record AdjustmentForm(Double points, String reason) {
	}

	@PostMapping("/{year}/suppliers/{supplierId}/adjustments")
	@Allowed(Permission.MANAGE_ASSESSMENTS)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Commission adjusts the score with a reason (audited); 409 once final")
	StoredAdjustment adjust(@PathVariable int year, @PathVariable UUID supplierId,
			@RequestBody(required = false) AdjustmentForm form) {
		return this.assessments.adjust(this.scopes.current(), InputBounds.year(year), supplierId,
				(form != null) ? form.points() : null, (form != null) ? form.reason() : null);
	}

	@PostMapping("/{year}/suppliers/{supplierId}/issue")
	@Allowed(Permission.MANAGE_ASSESSMENTS)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Commission issues the draft; the supplier may object within 10 working days; "
			+ "409 if issued already")
	AssessmentRecord issue(@PathVariable int year, @PathVariable UUID supplierId) {
		return this.assessments.issue(this.scopes.current(), InputBounds.year(year), supplierId);
	}

	/** The supplier's objection, or the Commission's answer. */
	record TextForm(String text) {
	}

	@PostMapping("/{year}/suppliers/{supplierId}/objection")
	@Allowed(Permission.OBJECT_ASSESSMENTS)
	@Operation(summary = "The supplier objects to its own issued draft with reasons within the objection period; "
			+ "409 if already decided")
	AssessmentRecord object(@PathVariable int year, @PathVariable UUID supplierId,
			@RequestBody(required = false) TextForm form) {
		return this.assessments.object(this.scopes.current(), InputBounds.year(year), supplierId,
				(form != null) ? form.text() : null);
	}

	@PostMapping("/{year}/suppliers/{supplierId}/finalisation")
	@Allowed(Permission.MANAGE_ASSESSMENTS)
	@Operation(summary = "The Commission answers and finalises: score, rules version and payment ratio fixed; "
			+ "409 to the later of two decisions")
	AssessmentRecord finalise(@PathVariable int year, @PathVariable UUID supplierId,
			@RequestBody(required = false) TextForm form) {
		return this.assessments.finalise(this.scopes.current(), InputBounds.year(year), supplierId,
				(form != null) ? form.text() : null);
	}

}
