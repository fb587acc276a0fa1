package cn.govcloud.metering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Permission;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trend line of many instances (Art. 8, 12; PRODUCT C7); one instance's series and
 * the summary table are in {@code MeteringApi}. Periods are {@code from}/{@code to}
 * (ISO-8601 instants) or {@code period=DAY|WEEK|MONTH} ending now; a unit sees its
 * instances, a supplier those it runs, the Commission the city.
 */
@RestController
@RequestMapping("/api/v1/metering")
class UtilisationApi {

	private final UtilisationTrend trends;

	private final DataScopes scopes;

	UtilisationApi(UtilisationTrend trends, DataScopes scopes) {
		this.trends = trends;
		this.scopes = scopes;
	}

	/** A unit's, a system's or (no filter, Commission) the city's line of one metric. */
	@GetMapping("/trend")
	@Allowed(Permission.READ_UTILISATION)
	List<TrendPoint> trend(@RequestParam(required = false) UUID unitId, @RequestParam(required = false) UUID systemId,
			@RequestParam Metric metric, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) ChartPeriod period) {
		Window window = Window.of(from, to, period);
		return this.trends.trend(this.scopes.current(), new UtilisationFilter(unitId, systemId, null, null), metric,
				window.from(), window.to());
	}

}
