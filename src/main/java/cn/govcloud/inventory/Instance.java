package cn.govcloud.inventory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One instance in the supplier's cloud that the city pays for.
 *
 * @param activeFrom the day billing starts: the unit's acceptance, in city time
 * @param reclaimedOn the last billed day (Art. 9): billed days run from
 * {@code activeFrom} to {@code reclaimedOn}, both included
 */
public record Instance(UUID id, UUID workOrderId, UUID orderLineId, UUID unitId, UUID supplierId, UUID systemId,
		String systemName, String kind, String name, String cloudInstanceId, List<String> ipAddresses,
		Map<String, Object> spec, String zone, InstanceState state, LocalDate activeFrom, LocalDate reclaimedOn,
		UUID reclaimOrderId) {

	/** The days billed up to today, in city time. */
	@com.fasterxml.jackson.annotation.JsonProperty("billedDays")
	public long billedDays() {
		return billedDays(cn.govcloud.shared.CityTime.today());
	}

	/**
	 * The days billed up to {@code asOf}: from the acceptance day to the reclaim date (or
	 * {@code asOf}), both included; none before acceptance.
	 */
	public long billedDays(LocalDate asOf) {
		if (this.activeFrom == null) {
			return 0;
		}
		LocalDate to = (this.reclaimedOn != null && this.reclaimedOn.isBefore(asOf)) ? this.reclaimedOn : asOf;
		return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(this.activeFrom, to) + 1);
	}

}
