package cn.govcloud.audit;

import cn.govcloud.shared.Sm3;

/**
 * The SM3 hash that chains audit records (GB/T 32905). The content is the previous hash
 * followed by each field, separated by the unit separator character, nulls as the empty
 * string and marked, so no two different records share a text.
 */
final class AuditHash {

	static final String GENESIS = "0".repeat(64);

	private AuditHash() {
	}

	static String of(AuditRecord record) {
		StringBuilder content = new StringBuilder(record.prevHash());
		append(content, record.occurredAt().toString());
		append(content, record.actor());
		append(content, record.organization());
		append(content, record.action());
		append(content, record.target());
		append(content, record.outcome());
		append(content, record.clientAddress());
		append(content, record.detail());
		return Sm3.hex(content.toString());
	}

	private static void append(StringBuilder content, String value) {
		content.append('\u001f').append((value != null) ? "v" + value : "-");
	}

}
