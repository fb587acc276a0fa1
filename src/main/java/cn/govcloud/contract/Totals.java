package cn.govcloud.contract;

import java.math.BigDecimal;

/**
 * A contract's money.
 *
 * @param monthly what a whole month costs under the current version
 * @param term the whole term, every version over its own period, prorated by days
 * @param dueToDate what has accrued from the start to today (or the end)
 * @param outstanding the term total less what has been paid
 */
record Totals(BigDecimal monthly, BigDecimal term, BigDecimal dueToDate, BigDecimal paid, BigDecimal outstanding) {
}
