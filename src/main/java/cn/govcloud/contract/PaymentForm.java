package cn.govcloud.contract;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A payment to record.
 *
 * @param confirmOverpayment the unit knows the amount is above what is outstanding and
 * means it; left out, it is not confirmed
 */
record PaymentForm(BigDecimal amount, LocalDate paidOn, LocalDate periodFrom, LocalDate periodTo, String invoiceNumber,
		Boolean confirmOverpayment) {

	public PaymentForm {
		invoiceNumber = (invoiceNumber != null) ? invoiceNumber.strip() : null;
		confirmOverpayment = Boolean.TRUE.equals(confirmOverpayment);
	}

}
