package cn.govcloud.audit;

import java.time.Instant;

/**
 * One archive of the trail (ADR 0037): the records {@code firstSeq}..{@code lastSeq} of a
 * month, written to {@code fileName} and pruned from the database.
 *
 * @param period the month, {@code yyyy-MM} in the city's time
 * @param firstPrevHash the hash the first archived record links to
 * @param lastHash the last archived record's hash: where the online chain continues
 * @param signature the file's keyed SM3 hash, {@code hmac-sm3:<key id>:<hex>}
 */
record ArchiveEntry(long id, String period, long firstSeq, long lastSeq, String firstPrevHash, String lastHash,
		long records, String fileName, String signature, Instant archivedAt) {

	Checkpoint checkpoint() {
		return new Checkpoint(this.lastSeq, this.lastHash);
	}

}
