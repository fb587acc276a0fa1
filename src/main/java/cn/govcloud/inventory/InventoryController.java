package cn.govcloud.inventory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.catalogue.ResourceKind;
import cn.govcloud.catalogue.ResourceKinds;
import org.springframework.web.bind.annotation.RequestHeader;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.PageLinks;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inventory page: instances with search, filters and paging, and per-system totals.
 */
@Controller
@RequestMapping("/inventory")
class InventoryController {

	/** The most lines of the approved / contracted / provisioned table a page shows. */
	static final int SYSTEMS = 40;

	private final Inventory inventory;

	private final DataScopes scopes;

	private final ConsistencyCheck consistency;

	private final ResourceKinds kinds;

	InventoryController(Inventory inventory, DataScopes scopes, ConsistencyCheck consistency, ResourceKinds kinds) {
		this.inventory = inventory;
		this.scopes = scopes;
		this.consistency = consistency;
		this.kinds = kinds;
	}

	@GetMapping
	@Allowed(Permission.READ_CONTRACTS_AND_INVENTORY)
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) InstanceState state,
			@RequestParam(required = false) UUID systemId, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		DataScope scope = this.scopes.current();
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("q", (q != null) ? q : "");
		filters.put("state", (state != null) ? state.name() : "");
		filters.put("systemId", (systemId != null) ? systemId : "");
		PageLinks.list(model, "/inventory", filters,
				this.inventory.search(scope, new InventoryFilter(q, state, systemId), sort, page, 20));
		if (htmx != null) {
			return "inventory/instances :: result";
		}
		// Bounded: the whole city has ~10,000 lines at tier L (a 4 MB page, and each
		// line's
		// specs to read); the rest are one system filter or the Excel export away.
		if (systemId != null) {
			model.addAttribute("systems", this.inventory.bySystem(scope, systemId));
			model.addAttribute("moreSystems", false);
		}
		else {
			Inventory.SystemLines first = this.inventory.firstSystems(scope, SYSTEMS);
			model.addAttribute("systems", first.lines());
			model.addAttribute("moreSystems", first.more());
			model.addAttribute("systemsShown", SYSTEMS);
		}
		model.addAttribute("kinds", this.kinds.all()
			.stream()
			.collect(java.util.stream.Collectors.toMap(ResourceKind::code, java.util.function.Function.identity())));
		model.addAttribute("states", InstanceState.values());
		model.addAttribute("state", state);
		model.addAttribute("q", q);
		model.addAttribute("systemId", systemId);
		return "inventory/instances";
	}

	/** The Commission's consistency page: empty on a healthy database. */
	@GetMapping("/consistency")
	@Allowed(Permission.OVERSEE_CITY)
	String consistency(Model model) {
		model.addAttribute("violations", this.consistency.violations());
		return "inventory/consistency";
	}

}
