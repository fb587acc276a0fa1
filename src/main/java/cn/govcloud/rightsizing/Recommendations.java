package cn.govcloud.rightsizing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.catalogue.SpecJson;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Sortable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the recommendations of the latest computed day (Art. 8), scoped: the Commission
 * every unit's, a unit its own; out of scope reads as not found.
 */
@Service
class Recommendations {

	/**
	 * The list's columns: the page's headers and the API's {@code sort}; biggest saving
	 * first.
	 */
	static final Sortable SORTABLE = Sortable.by("r.monthly_saving DESC, r.instance_name", "r.id")
		.field("instanceName", "r.instance_name")
		.field("action", "r.action")
		.field("cpuFigure", "r.cpu_figure")
		.field("memoryFigure", "r.memory_figure")
		.field("daysMeasured", "r.days_measured")
		.field("monthlySaving", "r.monthly_saving")
		.field("computedOn", "r.computed_on");

	private static final String LATEST = " r.computed_on = (SELECT max(computed_on) FROM rightsizing_recommendation)";

	private final JdbcClient jdbc;

	private final SpecJson json;

	Recommendations(JdbcClient jdbc, SpecJson json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Page<RecommendationView> search(DataScope scope, RecommendationFilter filter, String sort, int page, int size) {
		Page.Request request = Page.request(page, size, SORTABLE.parse(sort));
		DataScope.SqlFilter scoped = scope.sqlParty("r.unit_id", "r.supplier_id");
		String where = " WHERE " + scoped.clause() + " AND" + LATEST + filter.sql();
		long total = filter
			.bind(scoped.bind(this.jdbc.sql("SELECT count(*) FROM rightsizing_recommendation r" + where)))
			.query(Long.class)
			.single();
		List<RecommendationView> rows = filter
			.bind(scoped.bind(this.jdbc.sql(
					"SELECT r.*, r.current_spec::text AS cs, r.recommended_spec::text AS rs, r.unit_prices::text AS up "
							+ "FROM rightsizing_recommendation r" + where + " ORDER BY "
							+ SORTABLE.orderBy(request.order()) + " LIMIT :limit OFFSET :offset")))
			.param("limit", request.size())
			.param("offset", request.offset())
			.query(this::map)
			.list();
		return request.of(rows, total);
	}

	RecommendationView find(DataScope scope, UUID id) {
		return scope.requireParty(this.jdbc.sql("""
				SELECT r.*, r.current_spec::text AS cs, r.recommended_spec::text AS rs, r.unit_prices::text AS up
				FROM rightsizing_recommendation r WHERE r.id = :id
				""").param("id", id).query(this::map).optional(), RecommendationView::unitId,
				RecommendationView::supplierId, "recommendation", id);
	}

	private RecommendationView map(ResultSet rs, int n) throws SQLException {
		String recommended = rs.getString("rs");
		return new RecommendationView(rs.getObject("id", UUID.class), rs.getObject("instance_id", UUID.class),
				rs.getString("instance_name"), rs.getObject("unit_id", UUID.class),
				rs.getObject("supplier_id", UUID.class), rs.getObject("system_id", UUID.class),
				rs.getString("kind_code"), rs.getDate("computed_on").toLocalDate(), Mode.valueOf(rs.getString("mode")),
				Action.valueOf(rs.getString("action")), nullable(rs, "cpu_figure"), nullable(rs, "memory_figure"),
				rs.getInt("days_measured"), rs.getBoolean("supplier_to_check"), this.json.read(rs.getString("cs")),
				(recommended != null) ? this.json.read(recommended) : Map.of(), rs.getBigDecimal("monthly_saving"),
				rs.getBigDecimal("yearly_saving"), PriceText.read(this.json.read(rs.getString("up"))));
	}

	private static Double nullable(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
