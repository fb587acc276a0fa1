package cn.govcloud.rightsizing;

import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.ListParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rightsizing/recommendations")
@Tag(name = "Rightsizing", description = "Recommendations from measured utilisation and their evidence (Art. 8)")
class RightsizingApi {

	private static final String SORT = ListParameters.SORT
			+ "instanceName, action, cpuFigure, memoryFigure, daysMeasured, monthlySaving, computedOn.";

	private final Recommendations recommendations;

	private final Evidence evidence;

	private final DataScopes scopes;

	RightsizingApi(Recommendations recommendations, Evidence evidence, DataScopes scopes) {
		this.recommendations = recommendations;
		this.evidence = evidence;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_RIGHTSIZING)
	@Operation(summary = "The latest day's recommendations in the caller's scope (downsize, upsize, release unless "
			+ "an action is given), biggest saving first unless sorted; size at most 200 (capped)")
	Page<RecommendationView> list(@RequestParam(required = false) UUID unitId,
			@RequestParam(required = false) Action action,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.recommendations.search(this.scopes.current(), new RecommendationFilter(unitId, action), sort, page,
				size);
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_RIGHTSIZING)
	@Operation(summary = "One recommendation")
	RecommendationView get(@PathVariable UUID id) {
		return this.recommendations.find(this.scopes.current(), id);
	}

	@GetMapping("/{id}/evidence")
	@Allowed(Permission.READ_RIGHTSIZING)
	@Operation(summary = "The daily CPU and memory p95 and highest values (ratios 0..1) of the recommendation's window")
	List<DailyUsage> evidence(@PathVariable UUID id) {
		return this.evidence.days(this.scopes.current(), id);
	}

}
