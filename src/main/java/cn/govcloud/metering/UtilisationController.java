package cn.govcloud.metering;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import cn.govcloud.organization.OrganizationName;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.Options;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.systems.ApplicationSystem;
import cn.govcloud.systems.ApplicationSystems;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Utilisation pages (Art. 8, 12; PRODUCT C7): the trend of a unit, a system or the city
 * with a table of instances (avg / p95 / max), and one instance's charts. The charts read
 * {@link UtilisationApi}.
 */
@Controller
@RequestMapping("/utilisation")
class UtilisationController {

	private static final int SYSTEMS_LISTED = 200;

	/**
	 * Instances per page of the table (issue 13: the city's 30,000 were one page of 7.5
	 * MB).
	 */
	static final int INSTANCES_PER_PAGE = 50;

	private final Utilisation utilisation;

	private final UtilisationTrend trends;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final ApplicationSystems systems;

	UtilisationController(Utilisation utilisation, UtilisationTrend trends, DataScopes scopes,
			Organizations organizations, ApplicationSystems systems) {
		this.utilisation = utilisation;
		this.trends = trends;
		this.scopes = scopes;
		this.organizations = organizations;
		this.systems = systems;
	}

	@GetMapping
	@Allowed(Permission.READ_UTILISATION)
	String overview(@RequestParam(required = false) UUID unitId, @RequestParam(required = false) UUID systemId,
			@RequestParam(defaultValue = "CPU") Metric metric, @RequestParam(defaultValue = "DAY") ChartPeriod period,
			@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Locale locale, Model model) {
		DataScope scope = this.scopes.current();
		Instant to = Instant.now();
		Page<InstanceUtilisation> result = this.utilisation.summary(scope,
				new UtilisationFilter(unitId, systemId, null, metric), period.from(to), to,
				Page.request(page, INSTANCES_PER_PAGE));
		model.addAttribute("rows", UtilisationRows.html(result.items(), period, request.getContextPath(), locale));
		model.addAttribute("empty", result.items().isEmpty());
		model.addAttribute("result", result);
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("unitId", unitId);
		filters.put("systemId", systemId);
		filters.put("metric", metric);
		filters.put("period", period);
		model.addAttribute("pagerBase", PageLinks.base("/utilisation", filters));
		if (scope.seesAll()) {
			model.addAttribute("unitOptions", Options.html(
					this.organizations.names(OrganizationKind.UNIT).stream().filter(OrganizationName::active).toList(),
					OrganizationName::id, OrganizationName::name, unitId));
		}
		// The Commission chooses a unit first: the first 200 of the city's 7,500 systems
		// by unit name were no useful choice, and reading and sorting them all for it was
		// a third of the page's PostgreSQL time (issue 13, ADR 0052).
		boolean unitFirst = scope.seesAll() && unitId == null;
		model.addAttribute("systemOptions",
				unitFirst ? "" : Options.html(this.systems.search(scope, unitId, null, null, 0, SYSTEMS_LISTED).items(),
						ApplicationSystem::id, ApplicationSystem::name, systemId));
		model.addAttribute("unitFirst", unitFirst);
		model.addAttribute("unitId", unitId);
		model.addAttribute("systemId", systemId);
		model.addAttribute("metric", metric);
		model.addAttribute("metrics", Metric.values());
		model.addAttribute("period", period);
		model.addAttribute("periods", ChartPeriod.values());
		return "metering/utilisation";
	}

	@GetMapping("/instances/{id}")
	@Allowed(Permission.READ_UTILISATION)
	String instance(@PathVariable UUID id, @RequestParam(defaultValue = "DAY") ChartPeriod period, Locale locale,
			Model model) {
		DataScope scope = this.scopes.current();
		MeteredInstance instance = this.trends.instance(scope, id);
		Instant to = Instant.now();
		model.addAttribute("instance", instance);
		model.addAttribute("from", period.from(to).toString());
		model.addAttribute("to", to.toString());
		List<InstanceUtilisation> rows = this.utilisation.summary(scope, new UtilisationFilter(null, null, id, null),
				period.from(to), to);
		model.addAttribute("rows", rows);
		model.addAttribute("figures", UtilisationRows.figures(rows, locale));
		model.addAttribute("metrics", Metric.values());
		model.addAttribute("period", period);
		model.addAttribute("periods", ChartPeriod.values());
		return "metering/instance";
	}

}
