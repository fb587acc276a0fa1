package cn.govcloud.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A payment the unit made against a contract (Art. 7: the unit pays the fees itself). */
record Payment(UUID id, BigDecimal amount, LocalDate paidOn, LocalDate periodFrom, LocalDate periodTo,
		String invoiceNumber, String recordedBy, Instant recordedAt) {
}
