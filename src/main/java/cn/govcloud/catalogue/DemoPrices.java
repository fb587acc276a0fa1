package cn.govcloud.catalogue;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.govcloud.organization.Organization;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.DatabaseMode;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A sample tender price list for the demo supplier, in force from 2026-01-01, so
 * contracts can be tried at once. Demo data only; created once.
 */
@Component
class DemoPrices {

	static final String TENDER = "YXZFCG-2025-018";

	private static final Object[][] LINES = { { "CLOUD_HOST", "vcpu", "VCPU_MONTH", "45.00" },
			{ "CLOUD_HOST", "memoryGib", "GIB_MONTH", "18.00" }, { "CLOUD_HOST", "systemDiskGib", "GIB_MONTH", "0.60" },
			{ "CLOUD_DATABASE", "vcpu", "VCPU_MONTH", "60.00" },
			{ "CLOUD_DATABASE", "memoryGib", "GIB_MONTH", "22.00" },
			{ "CLOUD_DATABASE", "storageGib", "GIB_MONTH", "1.20" },
			{ "CLOUD_STORAGE", "capacityGib", "GIB_MONTH", "0.35" }, { "BANDWIDTH", "mbps", "MBPS_MONTH", "35.00" },
			{ "BACKUP", "capacityGib", "GIB_MONTH", "0.20" }, { "WAF", "instance", "INSTANCE_MONTH", "1200.00" },
			{ "ANTI_DDOS", "instance", "INSTANCE_MONTH", "2000.00" },
			{ "HOST_IDS", "instance", "INSTANCE_MONTH", "30.00" },
			{ "BASTION_HOST", "instance", "INSTANCE_MONTH", "600.00" },
			{ "DATABASE_AUDIT", "instance", "INSTANCE_MONTH", "900.00" },
			{ "VULNERABILITY_SCAN", "instance", "INSTANCE_MONTH", "300.00" } };

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final DatabaseMode mode;

	DemoPrices(JdbcClient jdbc, Organizations organizations, DatabaseMode mode) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.mode = mode;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void seed() {
		if (!this.mode.demoData()) {
			return;
		}
		this.jdbc.sql("SELECT pg_advisory_xact_lock(7417)").query().singleRow();
		Organization supplier = this.organizations.suppliers()
			.stream()
			.filter((org) -> org.name().equals("宜兴政务云服务有限公司"))
			.findFirst()
			.orElse(null);
		if (supplier == null || this.jdbc.sql("SELECT count(*) FROM price_list WHERE supplier_id = :s")
			.param("s", supplier.id())
			.query(Long.class)
			.single() > 0) {
			return;
		}
		UUID list = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO price_list (id, supplier_id, tender_number, awarded_on, note, created_at)
				VALUES (:id, :supplier, :tender, :awarded, '演示数据', :now)
				""")
			.param("id", list)
			.param("supplier", supplier.id())
			.param("tender", TENDER)
			.param("awarded", Date.valueOf(LocalDate.of(2025, 12, 15)))
			.param("now", Timestamp.from(Instant.now()))
			.update();
		for (Object[] line : LINES) {
			this.jdbc.sql("""
					INSERT INTO price_line (id, price_list_id, supplier_id, kind_code, dimension, billing_unit,
					                        unit_price, effective_from)
					VALUES (:id, :list, :supplier, :kind, :dimension, :unit, :price, :from)
					""")
				.param("id", UUID.randomUUID())
				.param("list", list)
				.param("supplier", supplier.id())
				.param("kind", line[0])
				.param("dimension", line[1])
				.param("unit", line[2])
				.param("price", new BigDecimal((String) line[3]))
				.param("from", Date.valueOf(LocalDate.of(2026, 1, 1)))
				.update();
		}
	}

}
