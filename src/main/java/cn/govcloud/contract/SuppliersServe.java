package cn.govcloud.contract;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.shared.ServedUnits;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A supplier serves the units it has filed contracts with: it sees their records (PRODUCT
 * C1, "a supplier only what it serves").
 */
@Component
class SuppliersServe implements ServedUnits {

	private final JdbcClient jdbc;

	SuppliersServe(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<UUID> servedBy(UUID supplierOrganizationId) {
		return new HashSet<>(this.jdbc.sql("""
				SELECT DISTINCT unit_id FROM contract
				WHERE supplier_id = :supplier AND status IN ('FILED', 'ACTIVE', 'ENDED')
				""").param("supplier", supplierOrganizationId).query(UUID.class).list());
	}

}
