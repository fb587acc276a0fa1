package cn.govcloud.metering;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.govcloud.organization.Organization;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Monitoring ingest as people run it (Art. 8, 12; PRODUCT C6, C7): the Commission's
 * managers issue and revoke each supplier's ingest credential (the token is shown once);
 * the Commission and the supplier see the durable ingest totals and the hosts seen in
 * monitoring that the inventory does not know.
 */
@Controller
@RequestMapping("/metering/ingest")
class IngestController {

	private final IngestCredentials credentials;

	private final MeteringReports reports;

	private final Organizations organizations;

	private final DataScopes scopes;

	IngestController(IngestCredentials credentials, MeteringReports reports, Organizations organizations,
			DataScopes scopes) {
		this.credentials = credentials;
		this.reports = reports;
		this.organizations = organizations;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_INGEST)
	String page(@RequestParam(required = false) UUID supplierId, Model model) {
		DataScope scope = this.scopes.current();
		Map<UUID, String> suppliers = this.organizations.suppliers()
			.stream()
			.collect(Collectors.toMap(Organization::id, Organization::name));
		model.addAttribute("suppliers", suppliers);
		model.addAttribute("supplierId", supplierId);
		model.addAttribute("credentials", this.credentials.list(scope));
		model.addAttribute("stats", this.reports.stats(scope, supplierId));
		model.addAttribute("unregistered", this.reports.unregistered(scope, supplierId));
		return "metering/ingest";
	}

	@PostMapping("/credentials")
	@Allowed(Permission.MANAGE_INGEST)
	String issue(@RequestParam(required = false) UUID supplierId, @RequestParam(required = false) String label,
			Model model) {
		try {
			IssuedCredential issued = this.credentials.issue(this.scopes.current(), supplierId, label);
			model.addAttribute("issued", issued);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", FormErrors.messages(ex));
		}
		return page(null, model);
	}

	@PostMapping("/credentials/{id}/revoke")
	@Allowed(Permission.MANAGE_INGEST)
	String revoke(@PathVariable UUID id) {
		this.credentials.revoke(this.scopes.current(), id);
		return "redirect:/metering/ingest";
	}

}
