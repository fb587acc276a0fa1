package cn.govcloud.audit;

/**
 * A point of the chain that later records link to: the last record of the newest archive
 * (ADR 0037), a published anchor, or the genesis before the first record.
 *
 * @param seq the record's position (0 for the genesis)
 * @param hash its hash
 */
record Checkpoint(long seq, String hash) {

	static final Checkpoint GENESIS = new Checkpoint(0, AuditHash.GENESIS);

}
