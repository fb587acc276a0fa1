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
			    current_spec, recommended_spec, monthly_saving, yearly_saving)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?)
			""";

	private final JdbcTemplate jdbc;

	private final SpecJson json;

	RecommendationStore(JdbcTemplate jdbc, SpecJson json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Waits for any other computation (another node) to finish, then removes what was
	 * computed earlier on the day: the day is computed again, whole.
	 */
	void lockAndClear(java.time.LocalDate on) {
		this.jdbc.query("SELECT pg_advisory_xact_lock(hashtext('rightsizing_recompute'))", (rs) -> {
		});
		this.jdbc.update("DELETE FROM rightsizing_recommendation WHERE computed_on = ?", Date.valueOf(on));
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
