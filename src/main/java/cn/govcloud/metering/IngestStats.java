package cn.govcloud.metering;

/**
 * Durable ingest totals, read from the database: received = stored + ignored + duplicate
 * + outOfOrder + rejected + unmatched, over every committed request (all answered 2xx,
 * plus 400 answers that stored their valid series). Unmatched samples are not stored.
 *
 * @param pendingBatches committed requests the rollup consumer has not merged yet
 */
record IngestStats(long receivedSamples, long storedSamples, long ignoredSamples, long duplicateSamples,
		long outOfOrderSamples, long rejectedSamples, long unmatchedSamples, long pendingBatches) {
}
