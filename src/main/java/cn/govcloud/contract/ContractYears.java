package cn.govcloud.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import cn.govcloud.shared.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Filed contracts by calendar year, for the finance bureau's budget (Art. 18; ADR 0016:
 * finance reads contracts here, not their tables). The finance bureau and the Commission
 * read every unit's contracts as aggregates ({@link DataScope#seesAggregates()}); anyone
 * else their own party's. Four queries for any number of contracts.
 */
@Service
public class ContractYears {

	private final JdbcClient jdbc;

	private final ContractLines lines;

	ContractYears(JdbcClient jdbc, ContractLines lines) {
		this.jdbc = jdbc;
		this.lines = lines;
	}

	/** Every filed contract whose term touches {@code year} or the year after. */
	public List<ContractYear> of(DataScope scope, int year) {
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		DataScope.SqlFilter filter = scope.seesAggregates() ? new DataScope.SqlFilter("TRUE", null)
				: scope.sqlParty("c.unit_id", "c.supplier_id");
		Map<UUID, LocalDate> starts = new HashMap<>();
		filter.bind(this.jdbc.sql("""
				SELECT c.id, c.term_start FROM contract c
				WHERE c.status IN ('FILED', 'ACTIVE', 'ENDED') AND c.term_start <= :nextLast AND c.term_end >= :first
				  AND %s
				""".formatted(filter.clause())))
			.param("first", first)
			.param("nextLast", last.plusYears(1))
			.query((rs) -> {
				starts.put(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate());
			});
		if (starts.isEmpty()) {
			return List.of();
		}
		Map<UUID, BigDecimal> paid = paidFor(starts.keySet().toArray(UUID[]::new), first, last);
		List<ContractYear> years = new ArrayList<>();
		for (ContractOutline outline : this.lines.outlines(starts.keySet())) {
			years.add(year(outline, starts.get(outline.id()), first, last,
					paid.getOrDefault(outline.id(), BigDecimal.ZERO.setScale(2))));
		}
		years.sort((a, b) -> a.number().compareTo(b.number()));
		return years;
	}

	private static ContractYear year(ContractOutline c, LocalDate termStart, LocalDate first, LocalDate last,
			BigDecimal paid) {
		List<ContractVersion> versions = versions(c);
		BigDecimal fees = ContractTotals.between(termStart, c.termEnd(), versions, first, last);
		BigDecimal next = ContractTotals.between(termStart, c.termEnd(), versions, first.plusYears(1),
				last.plusYears(1));
		LocalDate lastDay = c.termEnd().isBefore(last) ? c.termEnd() : last;
		Map<String, Long> byKind = new TreeMap<>();
		long vcpus = 0;
		for (ContractLine line : c.lines(c.versionOn(lastDay))) {
			if (ContractPricing.INSTANCE.equals(line.dimension())) {
				byKind.merge(line.kind(), line.quantity(), Long::sum);
			}
			else if ("vcpu".equals(line.dimension())) {
				vcpus += line.quantity();
			}
		}
		return new ContractYear(c.id(), c.number(), c.unitId(), c.supplierId(), termStart, c.termEnd(), fees, paid,
				fees.subtract(paid), next, byKind, vcpus);
	}

	private static List<ContractVersion> versions(ContractOutline c) {
		return new TreeMap<>(c.versionStarts()).entrySet()
			.stream()
			.map((start) -> new ContractVersion(start.getKey(), start.getValue(), null, null, null,
					c.lines(start.getKey())))
			.toList();
	}

	/** Payments for the year: those whose period starts in it. */
	private Map<UUID, BigDecimal> paidFor(UUID[] ids, LocalDate first, LocalDate last) {
		Map<UUID, BigDecimal> paid = new HashMap<>();
		this.jdbc.sql("""
				SELECT contract_id, sum(amount) FROM payment
				WHERE contract_id = ANY(:ids) AND period_from BETWEEN :first AND :last GROUP BY contract_id
				""").param("ids", ids).param("first", first).param("last", last).query((rs) -> {
			paid.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2).setScale(2));
		});
		return paid;
	}

}
