package cn.govcloud.security;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * The supplier's monthly security bulletin (Art. 14): the month's vulnerabilities,
 * incidents and threats and its advice, with an optional document, published to the units
 * it serves.
 */
public record Bulletin(UUID id, UUID supplierId, String supplierName, YearMonth period, String vulnerabilities,
		String incidents, String threats, String advice, String documentName, String publishedByName,
		Instant publishedAt) {
}
