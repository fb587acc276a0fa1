package cn.govcloud.catalogue;

import java.util.UUID;

/** A price line already recorded, as the overlap and supersede rules see it. */
record RecordedLine(UUID id, UUID priceListId, String tenderNumber, String kind, String dimension,
		EffectivePeriod period) {

	boolean sameItem(String kind, String dimension) {
		return this.kind.equals(kind) && this.dimension.equals(dimension);
	}

}
