package cn.govcloud.rightsizing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.organization.Organization;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.shared.web.PostRedirect;

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
 * The rightsizing pages (Art. 8): the latest recommendations (filters by unit and action,
 * sorting), one recommendation with its evidence, and the Commission's choice of mode.
 */
@Controller
@RequestMapping("/rightsizing")
class RightsizingController {

	private final Recommendations recommendations;

	private final Recomputation recomputation;

	private final ModeChoice modes;

	private final Organizations organizations;

	private final DataScopes scopes;

	private final PostRedirect post;

	RightsizingController(Recommendations recommendations, Recomputation recomputation, ModeChoice modes,
			Organizations organizations, DataScopes scopes, PostRedirect post) {
		this.recommendations = recommendations;
		this.recomputation = recomputation;
		this.modes = modes;
		this.organizations = organizations;
		this.scopes = scopes;
		this.post = post;
	}

	@GetMapping
	@Allowed(Permission.READ_RIGHTSIZING)
	String list(@RequestParam(required = false) UUID unitId, @RequestParam(required = false) Action action,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		DataScope scope = this.scopes.current();
		RecommendationFilter filter = new RecommendationFilter(unitId, action);
		model.addAttribute("filter", filter);
		model.addAttribute("actions", Action.values());
		model.addAttribute("units", scope.seesAll() ? this.organizations.ofKind(OrganizationKind.UNIT) : List.of());
		model.addAttribute("unitNames", unitNames());
		model.addAttribute("settings", this.modes.settings());
		model.addAttribute("modeChoices", Mode.values());
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("unitId", (unitId != null) ? unitId : "");
		filters.put("action", (action != null) ? action : "");
		PageLinks.list(model, "/rightsizing", filters, this.recommendations.search(scope, filter, sort, page, 20));
		return (htmx != null) ? "rightsizing/list :: result" : "rightsizing/list";
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_RIGHTSIZING)
	String show(@PathVariable UUID id, Model model) {
		RecommendationView r = this.recommendations.find(this.scopes.current(), id);
		model.addAttribute("r", r);
		model.addAttribute("unitName", unitNames().getOrDefault(r.unitId(), "—"));
		model.addAttribute("settings", this.modes.settings());
		return "rightsizing/detail";
	}

	@PostMapping("/mode")
	@Allowed(Permission.MANAGE_RIGHTSIZING)
	String choose(@RequestParam(required = false) String mode, RedirectAttributes redirect) {
		return this.post.after("/rightsizing", redirect,
				() -> this.modes.choose(mode(mode), this.scopes.current().principal().userId()));
	}

	@PostMapping("/recompute")
	@Allowed(Permission.MANAGE_RIGHTSIZING)
	String recompute(RedirectAttributes redirect) {
		LocalDate today = CityTime.today();
		return this.post.after("/rightsizing", redirect, () -> this.recomputation.recompute(today));
	}

	private static Mode mode(String value) {
		for (Mode mode : Mode.values()) {
			if (mode.name().equals(value)) {
				return mode;
			}
		}
		throw InvalidInputException.of("mode", "rightsizing.mode.invalid");
	}

	private Map<UUID, String> unitNames() {
		Map<UUID, String> names = new LinkedHashMap<>();
		for (Organization unit : this.organizations.ofKind(OrganizationKind.UNIT)) {
			names.put(unit.id(), unit.name());
		}
		return names;
	}

}
