package cn.govcloud.request;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import cn.govcloud.catalogue.ResourceKind;
import cn.govcloud.catalogue.ResourceKinds;
import cn.govcloud.catalogue.SpecField;
import cn.govcloud.shared.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The allocation view (Art. 8): what the Commission has approved, net of approved
 * decreases — per system, per unit, and per kind across the city.
 */
@Service
public class Allocations {

	private static final String NET = """
			SELECT a.unit_id, o.name AS unit_name, a.system_id, s.name AS system_name, l.kind_code,
			       coalesce(l.approved_spec, l.spec) AS spec,
			       sum(CASE WHEN l.direction = 'INCREASE' THEN l.approved_quantity ELSE -l.approved_quantity END) AS quantity
			FROM application_line l
			JOIN resource_application a ON a.id = l.application_id
			JOIN application_system s ON s.id = a.system_id
			JOIN organization o ON o.id = a.unit_id
			WHERE a.status = 'APPROVED' AND l.approved_quantity IS NOT NULL AND %s
			GROUP BY a.unit_id, o.name, a.system_id, s.name, l.kind_code, coalesce(l.approved_spec, l.spec)
			HAVING sum(CASE WHEN l.direction = 'INCREASE' THEN l.approved_quantity ELSE -l.approved_quantity END) <> 0
			ORDER BY o.name, s.name, l.kind_code
			""";

	private final JdbcClient jdbc;

	private final ApplicationRepository applications;

	private final ResourceKinds kinds;

	Allocations(JdbcClient jdbc, ApplicationRepository applications, ResourceKinds kinds) {
		this.jdbc = jdbc;
		this.applications = applications;
		this.kinds = kinds;
	}

	/** Unscoped: for the rules that need it (decreases never beyond what is approved). */
	public Allocation forSystem(UUID systemId) {
		return new Allocation(systemId, query("a.system_id = :system", Map.of("system", systemId)));
	}

	/**
	 * Everything approved within the caller's scope, optionally for one unit or one
	 * system.
	 */
	public List<AllocatedResource> search(DataScope scope, UUID unitId, UUID systemId) {
		DataScope.SqlFilter filter = scope.sql("a.unit_id");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("unit", unitId);
		params.put("system", systemId);
		if (filter.organizations() != null) {
			params.put("scopeOrganizations", filter.organizations());
		}
		return query(filter.clause() + " AND (CAST(:unit AS uuid) IS NULL OR a.unit_id = :unit)"
				+ " AND (CAST(:system AS uuid) IS NULL OR a.system_id = :system)", params);
	}

	/**
	 * Everything approved within the caller's scope for the systems {@code systemIds}.
	 */
	public List<AllocatedResource> search(DataScope scope, Collection<UUID> systemIds) {
		DataScope.SqlFilter filter = scope.sql("a.unit_id");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("systems", systemIds.toArray(UUID[]::new));
		if (filter.organizations() != null) {
			params.put("scopeOrganizations", filter.organizations());
		}
		return query(filter.clause() + " AND a.system_id = ANY(:systems)", params);
	}

	/**
	 * Per kind across the caller's scope (the whole city for the Commission): the
	 * quantity and, for each whole-number spec field, the total (e.g. all vCPUs of all
	 * approved hosts).
	 */
	public List<KindTotal> byKind(DataScope scope) {
		Map<String, KindTotal.Builder> totals = new TreeMap<>();
		for (AllocatedResource resource : search(scope, null, null)) {
			totals.computeIfAbsent(resource.kind(), KindTotal.Builder::new).add(resource, fieldsOf(resource.kind()));
		}
		List<KindTotal> result = new ArrayList<>();
		totals.values().forEach((builder) -> result.add(builder.build()));
		return result;
	}

	/**
	 * Approved resources per unit and kind, net of approved decreases, with their vCPUs:
	 * every unit for the finance bureau and the Commission (Art. 18 aggregates), the
	 * caller's scope for anyone else.
	 */
	public List<ApprovedKind> approvedByUnit(DataScope scope) {
		List<AllocatedResource> resources = scope.seesAggregates() ? query("TRUE", Map.of())
				: search(scope, null, null);
		Map<List<Object>, long[]> sums = new LinkedHashMap<>();
		for (AllocatedResource resource : resources) {
			long[] sum = sums.computeIfAbsent(List.of(resource.unitId(), resource.kind()), (key) -> new long[2]);
			sum[0] += resource.quantity();
			if (resource.spec().get("vcpu") instanceof Number vcpu) {
				sum[1] += vcpu.longValue() * resource.quantity();
			}
		}
		List<ApprovedKind> result = new ArrayList<>();
		sums.forEach(
				(key, sum) -> result.add(new ApprovedKind((UUID) key.get(0), (String) key.get(1), sum[0], sum[1])));
		return result;
	}

	private List<SpecField> fieldsOf(String kind) {
		return this.kinds.find(kind).map(ResourceKind::fields).orElse(List.of());
	}

	private List<AllocatedResource> query(String condition, Map<String, ?> params) {
		return this.jdbc.sql(NET.formatted(condition))
			.params(params)
			.query((rs, n) -> new AllocatedResource(rs.getObject("unit_id", UUID.class), rs.getString("unit_name"),
					rs.getObject("system_id", UUID.class), rs.getString("system_name"), rs.getString("kind_code"),
					this.applications.readSpec(rs.getString("spec")), rs.getLong("quantity")))
			.list();
	}

}
