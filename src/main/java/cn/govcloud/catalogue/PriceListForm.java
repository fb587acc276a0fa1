package cn.govcloud.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.Text;

/**
 * A tender price list to record (Art. 5): the supplier, the tender and its lines.
 *
 * @param note e.g. the procurement period
 * @param supersedes an earlier list of the same supplier whose prices end where this
 * list's prices for the same items start; {@code null} for none
 */
record PriceListForm(UUID supplierId, String tenderNumber, LocalDate awardedOn, String note, UUID supersedes,
		List<Line> lines) {

	public PriceListForm {
		lines = (lines != null) ? List.copyOf(lines) : List.of();
		tenderNumber = (tenderNumber != null) ? tenderNumber.strip() : null;
		note = Text.stripToNull(note);
	}

	/**
	 * One price: a kind's billed dimension (a whole-number spec field, or
	 * {@code instance}) per month.
	 *
	 * @param effectiveTo the last day in force, or {@code null} for open-ended
	 */
	public record Line(String kind, String dimension, BillingUnit billingUnit, BigDecimal unitPrice,
			LocalDate effectiveFrom, LocalDate effectiveTo) {

		public Line {
			kind = (kind != null) ? kind.strip() : null;
			dimension = (dimension != null) ? dimension.strip() : null;
		}

	}

}
