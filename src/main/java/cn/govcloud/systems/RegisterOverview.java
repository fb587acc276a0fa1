package cn.govcloud.systems;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Commission's view of the register (Art. 3, 15): per unit, how many systems are in
 * each hosting status; migrations past their target date; systems without a security
 * officer or a classified-protection level.
 *
 * @param asOf the city's date the overdue migrations are judged against
 * @param total the sums over every unit
 * @param overdueMigrations the overdue migrations, most overdue first, at most
 * {@link SystemOverview#LIST_LIMIT}
 * @param lackingOfficerOrLevel systems (not offline) without a valid security officer or
 * without a level, at most {@link SystemOverview#LIST_LIMIT}
 */
record RegisterOverview(LocalDate asOf, List<UnitTally> units, UnitTally total, List<SystemAlert> overdueMigrations,
		List<SystemAlert> lackingOfficerOrLevel) {

	/**
	 * One unit's systems counted by hosting status.
	 *
	 * @param overdue migrating systems past their target date
	 * @param lacking systems (not offline) without a valid officer or a level
	 */
	public record UnitTally(UUID unitId, String unitName, long planned, long onPlatform, long legacySelfHosted,
			long migrating, long exempt, long offline, long overdue, long lacking) {

		@JsonProperty("total")
		public long total() {
			return this.planned + this.onPlatform + this.legacySelfHosted + this.migrating + this.exempt + this.offline;
		}

		UnitTally plus(UnitTally other) {
			return new UnitTally(null, null, this.planned + other.planned, this.onPlatform + other.onPlatform,
					this.legacySelfHosted + other.legacySelfHosted, this.migrating + other.migrating,
					this.exempt + other.exempt, this.offline + other.offline, this.overdue + other.overdue,
					this.lacking + other.lacking);
		}

	}

	/**
	 * A system that needs the Commission's attention.
	 *
	 * @param officerMissing no security officer, or one who is no longer an enabled
	 * officer of the unit
	 */
	public record SystemAlert(UUID systemId, String systemName, UUID unitId, String unitName,
			HostingStatus hostingStatus, LocalDate migrationTargetOn, boolean officerMissing, boolean levelMissing) {

		/** Days past the target date on {@code asOf}; 0 when not overdue. */
		public long daysOverdue(LocalDate asOf) {
			return (this.migrationTargetOn != null && this.migrationTargetOn.isBefore(asOf))
					? ChronoUnit.DAYS.between(this.migrationTargetOn, asOf) : 0;
		}

	}

}
