package cn.govcloud.termination;

/**
 * Where a termination application stands (Art. 9): submitted to the Commission, returned
 * with a reason (final; the unit applies again), approved and being reclaimed, reclaimed.
 */
enum TerminationStatus {

	SUBMITTED, RETURNED, APPROVED, RECLAIMED

}
