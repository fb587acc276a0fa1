package cn.govcloud.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention and anchoring of the audit trail (issue 19, ADR 0037).
 *
 * @param retention how long records stay online and where older ones are archived
 * @param anchor where the chain's head is published outside the database
 */
@ConfigurationProperties("govcloud.audit")
record AuditSettings(@DefaultValue Retention retention, @DefaultValue Anchor anchor) {

	/** The least time records stay online (等保 level 3: at least six months). */
	static final Duration MINIMUM_ONLINE = Duration.ofDays(180);

	/**
	 * @param online records younger than this stay in the database; at least 180 days
	 * @param directory where the monthly archive files and their signatures are written
	 * @param cron when the archiving job runs ({@code -}: never)
	 */
	record Retention(@DefaultValue("180d") Duration online, @DefaultValue("./data/audit/archive") Path directory,
			@DefaultValue("0 30 3 * * *") String cron) {

		Retention {
			if (online.compareTo(MINIMUM_ONLINE) < 0) {
				throw new IllegalArgumentException("govcloud.audit.retention.online is " + online.toDays()
						+ " days; audit records must stay online at least 180 days (等保 level 3)");
			}
		}

	}

	/**
	 * @param directory where the append-only anchor file is written
	 * @param cron when the chain's head is anchored ({@code -}: never)
	 */
	record Anchor(@DefaultValue("./data/audit/anchors") Path directory, @DefaultValue("0 0 * * * *") String cron) {
	}

}
