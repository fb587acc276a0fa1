package cn.govcloud.rightsizing;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

import cn.govcloud.catalogue.SpecJson;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes a day's recommendations in batches. */
@Repository
class RecommendationStore {

	private static final String INSERT = """
			INSERT INTO rightsizing_recommendation (id, instance_id, computed_on, instance_name, unit_id, supplier_id,
			    system_id, kind_code, mode, action, cpu_figure, memory_figure, days_measured, supplier_to_check,
			    current_spec, recommended_spec, monthly_saving, yearly_saving, unit_prices)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, CAST(? AS jsonb))
			ON CONFLICT (instance_id, computed_on) DO UPDATE SET instance_name = excluded.instance_name,
			    unit_id = excluded.unit_id, supplier_id = excluded.supplier_id, system_id = excluded.system_id,
			    kind_code = excluded.kind_code, mode = excluded.mode, action = excluded.action,
			    cpu_figure = excluded.cpu_figure, memory_figure = excluded.memory_figure,
			    days_measured = excluded.days_measured, supplier_to_check = excluded.supplier_to_check,
			    current_spec = excluded.current_spec, recommended_spec = excluded.recommended_spec,
			    monthly_saving = excluded.monthly_saving, yearly_saving = excluded.yearly_saving,
			    unit_prices = excluded.unit_prices
			""";

	private final JdbcTemplate jdbc;

	private final SpecJson json;

	RecommendationStore(JdbcTemplate jdbc, SpecJson json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Waits for any other computation of recommendations (another node) to finish. */
	void lock() {
		this.jdbc.query("SELECT pg_advisory_xact_lock(hashtext('rightsizing_recompute'))", (rs) -> {
		});
	}

	/**
	 * Removes the day's recommendations of instances no longer judged (no longer ACTIVE),
	 * unless an order holds them. A day computed again keeps its rows' ids: orders and
	 * pages link to them.
	 */
	void removeOthers(java.time.LocalDate on, List<UUID> judged) {
		this.jdbc.update(con -> {
			PreparedStatement ps = con.prepareStatement("""
					DELETE FROM rightsizing_recommendation r WHERE r.computed_on = ? AND NOT (r.instance_id = ANY(?))
					  AND NOT EXISTS (SELECT 1 FROM rightsizing_order_line l WHERE l.recommendation_id = r.id)
					""");
			ps.setDate(1, Date.valueOf(on));
			ps.setArray(2, con.createArrayOf("uuid", judged.toArray()));
			return ps;
		});
	}

	void insert(List<StoredRecommendation> rows) {
		this.jdbc.batchUpdate(INSERT, rows, 500, this::bind);
	}

	private void bind(PreparedStatement ps, StoredRecommendation row) throws SQLException {
		Recommendation r = row.outcome();
		ps.setObject(1, UUID.randomUUID());
		ps.setObject(2, row.instance().id());
		ps.setDate(3, Date.valueOf(row.computedOn()));
		ps.setString(4, row.instance().name());
		ps.setObject(5, row.instance().unitId());
		ps.setObject(6, row.instance().supplierId());
		ps.setObject(7, row.instance().systemId());
		ps.setString(8, row.instance().kind());
		ps.setString(9, row.mode().name());
		ps.setString(10, r.action().name());
		setDouble(ps, 11, r.cpuFigure());
		setDouble(ps, 12, r.memoryFigure());
		ps.setInt(13, r.daysMeasured());
		ps.setBoolean(14, r.supplierToCheck());
		ps.setString(15, this.json.write(row.instance().spec()));
		ps.setString(16, (r.recommendedSpec() != null) ? this.json.write(r.recommendedSpec()) : null);
		ps.setBigDecimal(17, r.monthlySaving());
		ps.setBigDecimal(18, r.yearlySaving());
		ps.setString(19, this.json.write(PriceText.write(row.unitPrices())));
	}

	private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.DOUBLE);
		}
		else {
			ps.setDouble(index, value);
		}
	}

}
