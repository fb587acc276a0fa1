package cn.govcloud.contract;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A contract as the unit drafts it from an approved application. Leave {@code lines}
 * empty to have them prefilled: every approved line, every priced dimension, at the
 * approved quantity and the tender unit price.
 */
record ContractDraft(UUID applicationId, UUID supplierId, String contractCode, LocalDate termStart, LocalDate termEnd,
		List<LineDraft> lines) {

	public ContractDraft {
		lines = (lines != null) ? List.copyOf(lines) : List.of();
		contractCode = (contractCode != null) ? contractCode.strip() : null;
	}

	/**
	 * @param quantity billing units, e.g. 16 for the vCPUs of two 8-vCPU hosts
	 * @param unitPrice CNY per billing unit and month, at most two decimals
	 */
	@Schema(name = "ContractLineDraft")
	public record LineDraft(UUID applicationLineId, String dimension, BigDecimal quantity, BigDecimal unitPrice) {
	}

}
