package cn.govcloud.rightsizing;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mode the Commission chose (Art. 8), over the configured default; the other
 * thresholds come from {@link RightsizingSettings}.
 */
@Component
class ModeChoice {

	private final JdbcClient jdbc;

	private final RightsizingSettings configured;

	ModeChoice(JdbcClient jdbc, RightsizingSettings configured) {
		this.jdbc = jdbc;
		this.configured = configured;
	}

	/** The settings in force: the configured thresholds with the chosen mode. */
	RightsizingSettings settings() {
		return this.jdbc.sql("SELECT mode FROM rightsizing_mode")
			.query(String.class)
			.optional()
			.map((mode) -> this.configured.withMode(Mode.valueOf(mode)))
			.orElse(this.configured);
	}

	void choose(Mode mode, UUID by) {
		this.jdbc.sql("""
				INSERT INTO rightsizing_mode (mode, chosen_at, chosen_by) VALUES (:mode, now(), :by)
				ON CONFLICT (id) DO UPDATE SET mode = excluded.mode, chosen_at = now(), chosen_by = excluded.chosen_by
				""").param("mode", mode.name()).param("by", by).update();
	}

}
