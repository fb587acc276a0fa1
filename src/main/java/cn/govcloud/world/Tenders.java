package cn.govcloud.world;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every supplier's tender price list (Art. 5, 7): a supplier without one is awarded one,
 * in force from about 13 months ago; contracts are priced at or below these caps.
 */
final class Tenders {

	static final String LIST = "price_list (id, supplier_id, tender_number, awarded_on, note, created_by, created_at)";

	static final String LINE = "price_line (id, price_list_id, supplier_id, kind_code, dimension, billing_unit, unit_price, "
			+ "effective_from, effective_to)";

	private static final Object[][] PRICES = { { "CLOUD_HOST", "vcpu", "VCPU_MONTH", 45.0 },
			{ "CLOUD_HOST", "memoryGib", "GIB_MONTH", 18.0 }, { "CLOUD_HOST", "systemDiskGib", "GIB_MONTH", 0.6 },
			{ "CLOUD_DATABASE", "vcpu", "VCPU_MONTH", 60.0 }, { "CLOUD_DATABASE", "memoryGib", "GIB_MONTH", 22.0 },
			{ "CLOUD_DATABASE", "storageGib", "GIB_MONTH", 1.2 }, { "CLOUD_STORAGE", "capacityGib", "GIB_MONTH", 0.35 },
			{ "BANDWIDTH", "mbps", "MBPS_MONTH", 35.0 }, { "BACKUP", "capacityGib", "GIB_MONTH", 0.2 },
			{ "WAF", "instance", "INSTANCE_MONTH", 1200.0 }, { "HOST_IDS", "instance", "INSTANCE_MONTH", 30.0 } };

	/** A unit price in force: the cap of a contract line. */
	record Cap(String kind, String dimension, String billingUnit, BigDecimal price, String tender) {
	}

	/** A supplier's caps by kind, and the first day all of them are in force. */
	record PriceBook(Map<String, List<Cap>> caps, LocalDate from) {

		List<Cap> of(String kind) {
			return this.caps.getOrDefault(kind, List.of());
		}

	}

	private Tenders() {
	}

	static Map<UUID, PriceBook> ensure(JdbcClient jdbc, Copy copy, City city, LocalDate today, Random random,
			UUID createdBy) {
		Map<UUID, PriceBook> books = new HashMap<>();
		for (int s = 0; s < city.suppliers.size(); s++) {
			City.Supplier supplier = city.suppliers.get(s);
			PriceBook book = existing(jdbc, supplier.id, today);
			if (book.caps().isEmpty()) {
				book = award(copy, supplier.id, today, random, createdBy, s);
			}
			books.put(supplier.id, book);
		}
		return books;
	}

	private static PriceBook existing(JdbcClient jdbc, UUID supplier, LocalDate today) {
		Map<String, List<Cap>> caps = new HashMap<>();
		LocalDate[] from = { LocalDate.MIN };
		jdbc.sql(
				"""
						SELECT l.kind_code, l.dimension, l.billing_unit, l.unit_price, l.effective_from, p.tender_number
						FROM price_line l JOIN price_list p ON p.id = l.price_list_id
						WHERE l.supplier_id = :s AND l.effective_from <= :today AND (l.effective_to IS NULL OR l.effective_to >= :today)
						""")
			.param("s", supplier)
			.param("today", java.sql.Date.valueOf(today))
			.query((rs) -> {
				caps.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>())
					.add(new Cap(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
							rs.getString(6)));
				LocalDate start = rs.getDate(5).toLocalDate();
				from[0] = start.isAfter(from[0]) ? start : from[0];
			});
		return new PriceBook(caps, from[0]);
	}

	private static PriceBook award(Copy copy, UUID supplier, LocalDate today, Random random, UUID createdBy, int n) {
		UUID list = UUID.randomUUID();
		LocalDate from = today.minusDays(400);
		String tender = "YXZFCG-%d-%03d".formatted(from.getYear(), 20 + n);
		Instant at = from.minusDays(20).atStartOfDay(cn.govcloud.shared.CityTime.ZONE).toInstant();
		copy.row(LIST, list, supplier, tender, from.minusDays(20), "政务云服务框架协议采购", createdBy, at);
		Map<String, List<Cap>> caps = new HashMap<>();
		double factor = 0.9 + random.nextInt(15) / 100.0;
		for (Object[] p : PRICES) {
			BigDecimal price = BigDecimal.valueOf((Double) p[3] * factor).setScale(2, java.math.RoundingMode.HALF_UP);
			copy.row(LINE, UUID.randomUUID(), list, supplier, p[0], p[1], p[2], price, from, null);
			caps.computeIfAbsent((String) p[0], (k) -> new ArrayList<>())
				.add(new Cap((String) p[0], (String) p[1], (String) p[2], price, tender));
		}
		return new PriceBook(caps, from);
	}

}
