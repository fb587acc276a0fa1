package cn.govcloud.inventory;

import java.io.IOException;
import java.util.UUID;

import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.PageMessages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The reconciliation page: upload the supplier's list, read the report. */
@Controller
@RequestMapping("/inventory/reconciliation")
class ReconciliationController {

	private final Reconciliation reconciliation;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final PageMessages messages;

	ReconciliationController(Reconciliation reconciliation, DataScopes scopes, Organizations organizations,
			PageMessages messages) {
		this.reconciliation = reconciliation;
		this.scopes = scopes;
		this.organizations = organizations;
		this.messages = messages;
	}

	@GetMapping
	@Allowed(Permission.RECONCILE)
	String form(Model model) {
		return page(model, null, null);
	}

	@PostMapping
	@Allowed(Permission.RECONCILE)
	String reconcile(@RequestParam(required = false) UUID supplierId,
			@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		try {
			model.addAttribute("report", this.reconciliation.reconcile(this.scopes.current(), supplierId,
					(file != null) ? file.getOriginalFilename() : null, (file != null) ? file.getBytes() : null));
			return page(model, supplierId, null);
		}
		catch (InvalidInputException ex) {
			return page(model, supplierId, ex);
		}
	}

	private String page(Model model, UUID supplierId, InvalidInputException problems) {
		boolean commission = this.scopes.current().principal().organizationKind() == OrganizationKind.COMMISSION;
		model.addAttribute("suppliers", commission ? this.organizations.suppliers() : java.util.List.of());
		model.addAttribute("supplierId", supplierId);
		model.addAttribute("fieldErrors", this.messages.of(problems));
		return "inventory/reconciliation";
	}

}
