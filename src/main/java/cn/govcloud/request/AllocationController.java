package cn.govcloud.request;

import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.govcloud.catalogue.ResourceKind;
import cn.govcloud.catalogue.ResourceKinds;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Permission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What is approved (Art. 8): per unit and system, and per kind across the city for the
 * Commission.
 */
@Controller
class AllocationController {

	private final Allocations allocations;

	private final ResourceKinds kinds;

	private final DataScopes scopes;

	AllocationController(Allocations allocations, ResourceKinds kinds, DataScopes scopes) {
		this.allocations = allocations;
		this.kinds = kinds;
		this.scopes = scopes;
	}

	@GetMapping("/allocations")
	@Allowed(Permission.READ_APPLICATIONS)
	String show(@RequestParam(required = false) UUID unitId, Model model) {
		DataScope scope = this.scopes.current();
		model.addAttribute("resources", this.allocations.search(scope, unitId, null));
		model.addAttribute("totals", this.allocations.byKind(scope));
		model.addAttribute("kinds",
				this.kinds.all().stream().collect(Collectors.toMap(ResourceKind::code, Function.identity())));
		return "request/allocations";
	}

}
