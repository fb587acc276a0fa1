package cn.govcloud.reporting;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import cn.govcloud.catalogue.SpecJson;
import cn.govcloud.metering.InstanceUtilisation;
import cn.govcloud.metering.Metric;
import cn.govcloud.metering.Utilisation;
import cn.govcloud.metering.UtilisationFilter;
import cn.govcloud.organization.Organization;
import cn.govcloud.organization.Organizations;
import cn.govcloud.reporting.ReportContent.Figures;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;

import org.springframework.stereotype.Component;

/**
 * A month's utilisation per instance and metric from metering's rollups (ADR 0016:
 * through {@link Utilisation#summary}, for all units one query per month and metric, run
 * at once). GovCloud drafts the reports of every unit, so it reads as the Commission
 * does.
 */
@Component
class UsageReader {

	private final Utilisation utilisation;

	private final DataScopes scopes;

	private final Organizations organizations;

	private final SpecJson specs;

	UsageReader(Utilisation utilisation, DataScopes scopes, Organizations organizations, SpecJson specs) {
		this.utilisation = utilisation;
		this.scopes = scopes;
		this.organizations = organizations;
		this.specs = specs;
	}

	/**
	 * Per instance, per metric: the figures of the month of the metrics asked; for disk
	 * and network the busiest dimension (highest p95). Each metric is read by its own
	 * query on {@code reads} (they run at once), the Commission's scope computed here.
	 */
	CompletableFuture<Map<UUID, Map<Metric, Figures>>> month(YearMonth month, UUID unitId, Reads reads,
			Metric... metrics) {
		Instant from = CityTime.startOf(month.atDay(1));
		Instant to = CityTime.startOf(month.plusMonths(1).atDay(1));
		DataScope city = cityScope();
		List<CompletableFuture<List<InstanceUtilisation>>> parts = new ArrayList<>();
		for (Metric metric : metrics) {
			parts.add(reads.start("utilisation " + month + " " + metric,
					() -> this.utilisation.summary(city, new UtilisationFilter(unitId, null, null, metric), from, to)));
		}
		return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply((done) -> {
			Map<UUID, Map<Metric, Figures>> found = new HashMap<>();
			parts.forEach((part) -> collect(part.join(), found));
			return found;
		});
	}

	private static void collect(List<InstanceUtilisation> rows, Map<UUID, Map<Metric, Figures>> found) {
		Comparator<Figures> busier = Comparator.comparingDouble(Figures::p95);
		for (InstanceUtilisation row : rows) {
			if (row.samples() == 0) {
				continue;
			}
			Figures figures = new Figures(row.dimension(), row.avg(), row.p95(), row.max());
			found.computeIfAbsent(row.instanceId(), (id) -> new HashMap<>())
				.merge(row.metric(), figures, (a, b) -> (busier.compare(a, b) >= 0) ? a : b);
		}
	}

	/** A stored spec as people read it: "vcpu 4 · memory 8". */
	String spec(String stored) {
		return this.specs.read(stored)
			.entrySet()
			.stream()
			.map((field) -> field.getKey() + " " + field.getValue())
			.collect(Collectors.joining(" · "));
	}

	private DataScope cityScope() {
		Organization commission = this.organizations.commission();
		return this.scopes.system(commission.id(), commission.name());
	}

}
