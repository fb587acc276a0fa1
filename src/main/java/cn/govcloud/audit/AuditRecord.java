package cn.govcloud.audit;

import java.time.Instant;

/**
 * One record of the audit trail as stored.
 *
 * @param seq position in the chain, gapless from 1
 * @param occurredAt when, to the microsecond (UTC)
 * @param prevHash the hash of the record before ({@link AuditHash#GENESIS} for the first)
 * @param hash SM3 over {@code prevHash} and this record's content
 */
record AuditRecord(long seq, Instant occurredAt, String actor, String organization, String action, String target,
		String outcome, String clientAddress, String detail, String prevHash, String hash) {
}
