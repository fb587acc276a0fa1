package cn.govcloud.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Commission's rules per year (Art. 19), each save a new version; version 0 is
 * {@link DefaultRules}, never stored.
 */
@Repository
class RuleStore {

	private final JdbcClient jdbc;

	RuleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The latest version of the year's rules, or the default rules. */
	AssessmentRules current(int year) {
		return latestVersion(year).flatMap((version) -> version(year, version)).orElseGet(() -> DefaultRules.of(year));
	}

	Optional<Integer> latestVersion(int year) {
		return this.jdbc.sql("SELECT max(version) FROM assessment_rules WHERE year = :year")
			.param("year", year)
			.query(Integer.class)
			.optional();
	}

	/** A version of the year's rules; 0 the default rules. */
	Optional<AssessmentRules> version(int year, int version) {
		if (version == 0) {
			return Optional.of(DefaultRules.of(year));
		}
		Optional<Map<Dimension, Integer>> weights = this.jdbc
			.sql("SELECT * FROM assessment_rules WHERE year = :year AND version = :version")
			.param("year", year)
			.param("version", version)
			.query((rs, n) -> {
				Map<Dimension, Integer> w = new EnumMap<>(Dimension.class);
				w.put(Dimension.SERVICE_RESPONSE, rs.getInt("service_response"));
				w.put(Dimension.SATISFACTION, rs.getInt("satisfaction"));
				w.put(Dimension.QUALITY, rs.getInt("quality"));
				return w;
			})
			.optional();
		if (weights.isEmpty()) {
			return Optional.empty();
		}
		List<Indicator> indicators = this.jdbc.sql("""
				SELECT * FROM assessment_rule_indicator WHERE year = :year AND version = :version ORDER BY position
				""")
			.param("year", year)
			.param("version", version)
			.query((rs, n) -> new Indicator(rs.getString("code"), Dimension.valueOf(rs.getString("dimension")),
					rs.getInt("weight"), Measures.SOURCES.get(rs.getString("code")),
					new Curve(rs.getDouble("zero_at"), rs.getDouble("full_at"))))
			.list();
		List<PaymentTable.Band> bands = this.jdbc
			.sql("SELECT * FROM assessment_rule_band WHERE year = :year AND version = :version")
			.param("year", year)
			.param("version", version)
			.query((rs, n) -> new PaymentTable.Band(rs.getDouble("min_score"), rs.getDouble("max_score"),
					rs.getInt("ratio_percent"), rs.getBoolean("continues")))
			.list();
		return Optional.of(new AssessmentRules(year, version, weights.get(), indicators, new PaymentTable(bands)));
	}

	/** The versions of a year, newest first: number, who saved it (id) and when. */
	List<Version> versions(int year) {
		return this.jdbc.sql("SELECT version, saved_at FROM assessment_rules WHERE year = :year ORDER BY version DESC")
			.param("year", year)
			.query((rs, n) -> new Version(rs.getInt("version"), rs.getTimestamp("saved_at").toInstant()))
			.list();
	}

	/**
	 * Stores {@code rules} as the next version of its year; the caller's transaction
	 * holds the year's lock, so two saves at once get two versions, one after the other.
	 * @return the version stored
	 */
	int save(AssessmentRules rules, UUID by) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('assessment_rules'), :year)")
			.param("year", rules.year())
			.query((rs, n) -> 1)
			.list();
		int version = latestVersion(rules.year()).orElse(0) + 1;
		this.jdbc
			.sql("""
					INSERT INTO assessment_rules (year, version, service_response, satisfaction, quality, saved_by, saved_at)
					VALUES (:year, :version, :sr, :sat, :q, :by, :at)
					""")
			.param("year", rules.year())
			.param("version", version)
			.param("sr", rules.dimensionWeights().get(Dimension.SERVICE_RESPONSE))
			.param("sat", rules.dimensionWeights().get(Dimension.SATISFACTION))
			.param("q", rules.dimensionWeights().get(Dimension.QUALITY))
			.param("by", by)
			.param("at", Timestamp.from(Instant.now()))
			.update();
		for (int i = 0; i < rules.indicators().size(); i++) {
			Indicator indicator = rules.indicators().get(i);
			this.jdbc
				.sql("""
						INSERT INTO assessment_rule_indicator (year, version, position, code, dimension, weight, zero_at, full_at)
						VALUES (:year, :version, :position, :code, :dimension, :weight, :zero, :full)
						""")
				.param("year", rules.year())
				.param("version", version)
				.param("position", i + 1)
				.param("code", indicator.code())
				.param("dimension", indicator.dimension().name())
				.param("weight", indicator.weight())
				.param("zero", indicator.curve().zeroAt())
				.param("full", indicator.curve().fullAt())
				.update();
		}
		for (PaymentTable.Band band : rules.payments().bands()) {
			this.jdbc.sql("""
					INSERT INTO assessment_rule_band (year, version, min_score, max_score, ratio_percent, continues)
					VALUES (:year, :version, :min, :max, :ratio, :continues)
					""")
				.param("year", rules.year())
				.param("version", version)
				.param("min", band.minScore())
				.param("max", band.maxScore())
				.param("ratio", band.ratioPercent())
				.param("continues", band.continues())
				.update();
		}
		return version;
	}

	record Version(int version, Instant savedAt) {
	}

}
