package cn.govcloud.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.Sortable;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.request.AllocatedResource;
import cn.govcloud.request.ApplicationLine;
import cn.govcloud.request.Allocations;
import cn.govcloud.request.ApplicationLines;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Filters;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The inventory (PRODUCT C6): every instance the caller may see (a unit its own, a
 * supplier those of its orders, the Commission all), and per system and kind how many
 * were approved, contracted and provisioned.
 */
@Service
public class Inventory {

	private final JdbcClient jdbc;

	private final WorkOrderRepository orders;

	private final Specs specs;

	private final Allocations allocations;

	private final ApplicationLines applicationLines;

	Inventory(JdbcClient jdbc, WorkOrderRepository orders, Specs specs, Allocations allocations,
			ApplicationLines applicationLines) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.specs = specs;
		this.allocations = allocations;
		this.applicationLines = applicationLines;
	}

	/** The list's columns: the page's headers and the API's {@code sort}. */
	static final Sortable SORTABLE = Sortable.by("s.name, i.name, i.id", "i.id")
		.field("name", "i.name")
		.field("systemName", "s.name")
		.field("cloudInstanceId", "i.cloud_instance_id")
		.field("zone", "i.zone")
		.field("state", "i.state")
		.field("activeFrom", "i.active_from")
		.field("reclaimedOn", "i.reclaimed_on");

	public Page<Instance> search(DataScope scope, InventoryFilter filter, int page, int size) {
		return search(scope, filter, null, page, size);
	}

	/**
	 * The same in {@code sort}'s order ({@code field,asc|desc}; null: by system and
	 * name).
	 * @throws InvalidInputException naming {@code sort} for a field the list cannot sort
	 * by
	 */
	public Page<Instance> search(DataScope scope, InventoryFilter filter, String sort, int page, int size) {
		Page.Request request = Page.request(page, size, SORTABLE.parse(sort));
		Filters filters = filters(scope, filter);
		List<Instance> items = filters
			.bind(this.jdbc.sql(WorkOrderRepository.INSTANCE_SELECT + filters.where() + " ORDER BY "
					+ SORTABLE.orderBy(request.order()) + " LIMIT :limit OFFSET :offset"))
			.param("limit", request.size())
			.param("offset", request.offset())
			.query(this.orders::mapInstance)
			.list();
		long total = filters.bind(this.jdbc.sql("SELECT count(*) FROM instance i" + filters.where()))
			.query(Long.class)
			.single();
		return request.of(items, total);
	}

	/**
	 * Every instance of the search, in the same scope and order, at most {@code limit}
	 * (for the Excel export).
	 */
	public List<Instance> all(DataScope scope, InventoryFilter filter, int limit) {
		Filters filters = filters(scope, filter);
		return filters
			.bind(this.jdbc.sql(WorkOrderRepository.INSTANCE_SELECT + filters.where()
					+ " ORDER BY s.name, i.name, i.id LIMIT :limit"))
			.param("limit", limit)
			.query(this.orders::mapInstance)
			.list();
	}

	/**
	 * Per system, kind and approved spec: approved (net of approved decreases, Art. 8),
	 * contracted (instances the filed contracts allow now: what the orders allowed, less
	 * what reclaims ended — an amendment removing resources at once, a termination's
	 * reclaim on its date, Art. 9) and provisioned (recorded and not reclaimed). A
	 * supplier sees the rows of its own orders only.
	 */
	public List<SystemInventory> bySystem(DataScope scope, UUID systemId) {
		return merge(scope, ordered(scope, (systemId != null) ? List.of(systemId) : null),
				this.allocations.search(scope, null, systemId));
	}

	/**
	 * The lines of at most {@code systems} systems, the first by name among those with
	 * work orders in scope; every line ({@link #bySystem}) when the scope has no more
	 * ordered systems than that. The Commission's or a supplier's whole city is ~10,000
	 * lines at tier L, each with its approved specs to read: the page shows a bounded
	 * part (issue 13).
	 */
	public SystemLines firstSystems(DataScope scope, int systems) {
		DataScope.SqlFilter scoped = WorkOrderRepository.filter(scope, "w");
		// Systems in name order that have an order in scope: walks the name index and
		// stops after the limit (V200), instead of grouping the city's orders first.
		List<UUID> first = scoped.bind(this.jdbc.sql("""
				SELECT s.id FROM application_system s
				WHERE EXISTS (SELECT 1 FROM work_order w WHERE w.system_id = s.id AND %s)
				ORDER BY s.name, s.id LIMIT :limit
				""".formatted(scoped.clause()))).param("limit", systems + 1).query(UUID.class).list();
		if (first.size() <= systems) {
			return new SystemLines(bySystem(scope, null), false);
		}
		List<UUID> shown = first.subList(0, systems);
		return new SystemLines(merge(scope, ordered(scope, shown), this.allocations.search(scope, shown)), true);
	}

	/**
	 * The ordered lines with what was approved for them; approved lines not ordered are
	 * added unless the caller is the supplier.
	 */
	private static List<SystemInventory> merge(DataScope scope, List<SystemInventory> ordered,
			List<AllocatedResource> approvedLines) {
		Map<List<Object>, SystemInventory> rows = new LinkedHashMap<>();
		for (SystemInventory row : ordered) {
			rows.put(List.of(row.systemId(), row.kind(), row.spec()), row);
		}
		boolean supplier = scope.principal().organizationKind() == OrganizationKind.SUPPLIER;
		for (AllocatedResource approved : approvedLines) {
			List<Object> key = List.of(approved.systemId(), approved.kind(), approved.spec());
			SystemInventory row = rows.get(key);
			if (row != null) {
				rows.put(key, new SystemInventory(row.systemId(), row.systemName(), row.kind(), row.spec(),
						approved.quantity(), row.contracted(), row.provisioned()));
			}
			else if (!supplier) {
				rows.put(key, new SystemInventory(approved.systemId(), approved.systemName(), approved.kind(),
						approved.spec(), approved.quantity(), 0, 0));
			}
		}
		return new ArrayList<>(rows.values());
	}

	/** The lines the inventory page shows, and whether more systems have lines. */
	public record SystemLines(List<SystemInventory> lines, boolean more) {
	}

	/**
	 * The rows of the orders in scope; approved is what the ordered application lines
	 * approved (asked of the request module, one query for all of them).
	 */
	private List<SystemInventory> ordered(DataScope scope, List<UUID> systems) {
		DataScope.SqlFilter scoped = WorkOrderRepository.filter(scope, "w");
		List<Ordered> rows = scoped.bind(this.jdbc.sql("""
				SELECT w.system_id, s.name AS system_name, ol.kind_code, ol.approved_spec::text AS spec,
				       array_agg(ol.application_line_id) AS application_lines,
				       sum(ol.allowed - (SELECT count(*) FROM instance i JOIN work_order r ON r.id = i.reclaim_order_id
				                         WHERE i.order_line_id = ol.id
				                           AND (i.state = 'RECLAIMED' OR r.reclaim_request_id IS NULL))) AS contracted,
				       sum((SELECT count(*) FROM instance i WHERE i.order_line_id = ol.id AND i.state <> 'RECLAIMED'))
				           AS provisioned
				FROM work_order_line ol JOIN work_order w ON w.id = ol.work_order_id
				JOIN application_system s ON s.id = w.system_id
				WHERE %s AND (CAST(:systems AS uuid[]) IS NULL OR w.system_id = ANY(:systems))
				GROUP BY w.system_id, s.name, ol.kind_code, ol.approved_spec::text
				ORDER BY s.name, ol.kind_code
				""".formatted(scoped.clause())))
			.param("systems", (systems != null) ? systems.toArray(UUID[]::new) : null)
			.query((rs, n) -> new Ordered(
					new SystemInventory(rs.getObject("system_id", UUID.class), rs.getString("system_name"),
							rs.getString("kind_code"), this.specs.read(rs.getString("spec")), 0,
							rs.getLong("contracted"), rs.getLong("provisioned")),
					Arrays.asList((UUID[]) rs.getArray("application_lines").getArray())))
			.list();
		Map<UUID, ApplicationLine> approved = this.applicationLines
			.byId(rows.stream().flatMap((row) -> row.applicationLines().stream()).toList());
		return rows.stream().map((row) -> {
			SystemInventory r = row.row();
			long sum = row.applicationLines()
				.stream()
				.map(approved::get)
				.filter((line) -> line != null && line.approvedQuantity() != null)
				.mapToLong(ApplicationLine::approvedQuantity)
				.sum();
			return new SystemInventory(r.systemId(), r.systemName(), r.kind(), r.spec(), sum, r.contracted(),
					r.provisioned());
		}).toList();
	}

	/** A row of the orders, with the application lines ordered (once per order line). */
	private record Ordered(SystemInventory row, List<UUID> applicationLines) {
	}

	private static Filters filters(DataScope scope, InventoryFilter filter) {
		String text = (filter.text() != null && !filter.text().isBlank()) ? filter.text().strip() : null;
		return new Filters(WorkOrderRepository.filter(scope, "i"))
			.and("i.state = :state", "state", (filter.state() != null) ? filter.state().name() : null)
			.and("i.system_id = :system", "system", filter.systemId())
			.and("(i.name ILIKE :like OR i.cloud_instance_id ILIKE :like OR EXISTS (SELECT 1 FROM instance_address a"
					+ " WHERE a.instance_id = i.id AND host(a.address) ILIKE :like))", "like",
					(text != null) ? "%" + text.replace("%", "\\%").replace("_", "\\_") + "%" : null);
	}

}
