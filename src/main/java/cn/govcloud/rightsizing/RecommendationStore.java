package cn.govcloud.rightsizing;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

import cn.govcloud.catalogue.SpecJson;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes a day's recommendations in batches. */
@Repository
class RecommendationStore {

	/**
	 * One statement per chunk (ADR 0023, speed): every column an array, unnested into
	 * rows; the day and the mode are the same for all.
	 */
	private static final String INSERT = """
			INSERT INTO rightsizing_recommendation (id, instance_id, computed_on, instance_name, unit_id, supplier_id,
			    system_id, kind_code, mode, action, cpu_figure, memory_figure, days_measured, supplier_to_check,
			    current_spec, recommended_spec, monthly_saving, yearly_saving, unit_prices)
			SELECT r.id, r.instance_id, ?, r.instance_name, r.unit_id, r.supplier_id, r.system_id, r.kind_code, ?,
			    r.action, r.cpu_figure, r.memory_figure, r.days_measured, r.supplier_to_check, r.current_spec::jsonb,
			    r.recommended_spec::jsonb, r.monthly_saving, r.yearly_saving, r.unit_prices::jsonb
			FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[],
			    ?::float8[], ?::float8[], ?::int4[], ?::bool[], ?::text[], ?::text[], ?::numeric[], ?::numeric[], ?::text[])
			    AS r (id, instance_id, instance_name, unit_id, supplier_id, system_id, kind_code, action, cpu_figure,
			          memory_figure, days_measured, supplier_to_check, current_spec, recommended_spec, monthly_saving,
			          yearly_saving, unit_prices)
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

	/**
	 * Upserts a chunk of one day's recommendations (all of one day and mode) in one
	 * statement.
	 */
	void insert(List<StoredRecommendation> rows) {
		if (rows.isEmpty()) {
			return;
		}
		int n = rows.size();
		Object[][] columns = new Object[17][];
		columns[0] = new UUID[n];
		columns[1] = new UUID[n];
		columns[2] = new String[n];
		columns[3] = new UUID[n];
		columns[4] = new UUID[n];
		columns[5] = new UUID[n];
		columns[6] = new String[n];
		columns[7] = new String[n];
		columns[8] = new Double[n];
		columns[9] = new Double[n];
		columns[10] = new Integer[n];
		columns[11] = new Boolean[n];
		columns[12] = new String[n];
		columns[13] = new String[n];
		columns[14] = new java.math.BigDecimal[n];
		columns[15] = new java.math.BigDecimal[n];
		columns[16] = new String[n];
		for (int i = 0; i < n; i++) {
			StoredRecommendation row = rows.get(i);
			Recommendation r = row.outcome();
			Object[] values = { UUID.randomUUID(), row.instance().id(), row.instance().name(), row.instance().unitId(),
					row.instance().supplierId(), row.instance().systemId(), row.instance().kind(), r.action().name(),
					r.cpuFigure(), r.memoryFigure(), r.daysMeasured(), r.supplierToCheck(),
					this.json.write(row.instance().spec()),
					(r.recommendedSpec() != null) ? this.json.write(r.recommendedSpec()) : null, r.monthlySaving(),
					r.yearlySaving(), this.json.write(PriceText.write(row.unitPrices())) };
			for (int c = 0; c < values.length; c++) {
				columns[c][i] = values[c];
			}
		}
		String[] types = { "uuid", "uuid", "text", "uuid", "uuid", "uuid", "text", "text", "float8", "float8", "int4",
				"bool", "text", "text", "numeric", "numeric", "text" };
		StoredRecommendation first = rows.get(0);
		this.jdbc.update((con) -> {
			PreparedStatement ps = con.prepareStatement(INSERT);
			ps.setDate(1, Date.valueOf(first.computedOn()));
			ps.setString(2, first.mode().name());
			for (int c = 0; c < columns.length; c++) {
				ps.setArray(c + 3, con.createArrayOf(types[c], columns[c]));
			}
			return ps;
		});
	}

}
