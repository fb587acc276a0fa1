package cn.govcloud.security;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A security inspection (Art. 14: the Commission inspects, or a third party it names):
 * its scope (units, systems), dates, inspectors and the checklist of its
 * classified-protection level.
 *
 * @param thirdParty the third party named to inspect, {@code null} for the Commission
 */
public record Inspection(UUID id, String number, String title, InspectedBy inspectedBy, String thirdParty,
		int protectionLevel, LocalDate startsOn, LocalDate endsOn, String inspectors, String createdByName,
		Instant createdAt) {

	/** A system in the inspection's scope. */
	public record ScopedSystem(UUID systemId, String systemName, UUID unitId, String unitName) {
	}

	/**
	 * An item of the inspection's checklist and its result ({@code null} until recorded).
	 */
	public record Check(int position, String text, String result) {
	}

}
