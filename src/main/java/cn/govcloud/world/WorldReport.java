package cn.govcloud.world;

import java.util.Map;

/**
 * What a generation wrote: rows per table, audit records, hosts with utilisation, and the
 * seconds the relational part and the utilisation took.
 */
record WorldReport(WorldSize size, Map<String, Long> rows, int auditRecords, int hosts, double recordSeconds,
		double utilisationSeconds) {

	public long rowsOf(String table) {
		return this.rows.getOrDefault(table, 0L);
	}

}
