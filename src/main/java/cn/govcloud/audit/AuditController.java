package cn.govcloud.audit;

import java.io.IOException;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FormErrors;
import cn.govcloud.shared.web.PageLinks;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit administrator's pages: search, export and verification of the trail. */
@Controller
@RequestMapping("/audit")
class AuditController {

	static final int PAGE_SIZE = 50;

	private final AuditEvents events;

	private final AuditExport export;

	private final AuditVerification verification;

	AuditController(AuditEvents events, AuditExport export, AuditVerification verification) {
		this.events = events;
		this.export = export;
		this.verification = verification;
	}

	@GetMapping
	@Allowed(Permission.READ_AUDIT_TRAIL)
	String list(@ModelAttribute("filter") AuditFilterForm form, BindingResult binding,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		model.addAttribute("outcomes", AuditOutcome.values());
		try {
			AuditFilter filter = form.toFilter();
			PageLinks.list(model, "/audit", form.params(),
					this.events.search(filter, sort, page, PAGE_SIZE).map(AuditRow::from));
			String exportBase = PageLinks.base("/audit/export", form.params());
			model.addAttribute("exportLink", exportBase.substring(0, exportBase.length() - 1));
			if (htmx != null) {
				return "audit/list :: result";
			}
		}
		catch (InvalidInputException ex) {
			FormErrors.reject(binding, ex);
			if (htmx != null) {
				// The refusal is shown next to the filter's fields: the whole page's
				// content,
				// not only the table.
				response.setHeader("HX-Retarget", "#audit-page");
				response.setHeader("HX-Reselect", "#audit-page");
			}
		}
		return "audit/list";
	}

	@GetMapping("/export")
	@Allowed(Permission.READ_AUDIT_TRAIL)
	void export(@ModelAttribute("filter") AuditFilterForm form, HttpServletResponse response) throws IOException {
		XlsxDownload.send(this.export, form.toFilter(), response);
	}

	@GetMapping("/verification")
	@Allowed(Permission.READ_AUDIT_TRAIL)
	String verificationPage() {
		return "audit/verification";
	}

	/** Runs a verification; an htmx request gets just the result. */
	@PostMapping("/verification")
	@Allowed(Permission.READ_AUDIT_TRAIL)
	String verify(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		VerificationResult result = this.verification.verify();
		model.addAttribute("verification", result);
		model.addAttribute("verifiedAt", AuditRow.format(result.verifiedAt()));
		if (result.firstBadSeq() != null) {
			this.events.find(result.firstBadSeq())
				.ifPresent((record) -> model.addAttribute("badRecord", AuditRow.from(record)));
		}
		return (htmx != null) ? "audit/verification :: result" : "audit/verification";
	}

}
