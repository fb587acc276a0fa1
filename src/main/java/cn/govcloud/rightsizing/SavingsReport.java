package cn.govcloud.rightsizing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.organization.Organization;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.OrganizationKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes {@link CitySavings} (Art. 8) for the Commission and the finance bureau: two
 * queries, whatever the number of units and orders.
 */
@Service
class SavingsReport {

	/** How many months the page and the workbook show, ending with the current one. */
	static final int MONTHS = 12;

	private final JdbcClient jdbc;

	private final Organizations organizations;

	SavingsReport(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	CitySavings on(LocalDate today) {
		List<YearMonth> months = new ArrayList<>();
		for (int i = MONTHS - 1; i >= 0; i--) {
			months.add(YearMonth.from(today).minusMonths(i));
		}
		Map<UUID, Potential> potential = new HashMap<>();
		this.jdbc.sql("""
				SELECT r.unit_id, count(*), coalesce(sum(r.monthly_saving), 0) FROM rightsizing_recommendation r
				WHERE r.computed_on = (SELECT max(computed_on) FROM rightsizing_recommendation)
				  AND r.action IN ('DOWNSIZE', 'UPSIZE', 'RELEASE')
				  AND NOT EXISTS (SELECT 1 FROM rightsizing_order_line l JOIN rightsizing_order o ON o.id = l.order_id
				                  WHERE l.instance_id = r.instance_id AND o.status <> 'WITHDRAWN')
				GROUP BY r.unit_id
				""").query((rs) -> {
			potential.put(rs.getObject(1, UUID.class), new Potential(rs.getInt(2), rs.getBigDecimal(3)));
		});
		Map<UUID, List<Amended>> realised = new HashMap<>();
		this.jdbc.sql("""
				SELECT o.unit_id, c.effective_from, c.billed_before - c.billed_after
				FROM rightsizing_order_contract c JOIN rightsizing_order o ON o.id = c.order_id
				""").query((rs) -> {
			realised.computeIfAbsent(rs.getObject(1, UUID.class), (u) -> new ArrayList<>())
				.add(new Amended(rs.getDate(2).toLocalDate(), rs.getBigDecimal(3)));
		});
		Map<UUID, String> names = new HashMap<>();
		for (Organization unit : this.organizations.ofKind(OrganizationKind.UNIT)) {
			names.put(unit.id(), unit.name());
		}
		Set<UUID> units = new LinkedHashSet<>(potential.keySet());
		units.addAll(realised.keySet());
		List<CitySavings.UnitSavings> rows = new ArrayList<>();
		for (UUID unit : units) {
			Potential p = potential.getOrDefault(unit, new Potential(0, BigDecimal.ZERO));
			List<Amended> amended = realised.getOrDefault(unit, List.of());
			BigDecimal inForce = amended.stream()
				.filter((a) -> !a.from().isAfter(today))
				.map(Amended::saving)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			rows.add(new CitySavings.UnitSavings(unit, names.getOrDefault(unit, "—"), p.count(), p.monthly(), inForce,
					months.stream().map((m) -> inMonth(amended, m, today)).toList()));
		}
		rows.sort(Comparator.comparing((CitySavings.UnitSavings u) -> u.potentialMonthly().add(u.realisedMonthly()))
			.reversed()
			.thenComparing(CitySavings.UnitSavings::unitName));
		List<BigDecimal> byMonth = new ArrayList<>();
		for (int i = 0; i < months.size(); i++) {
			int month = i;
			byMonth
				.add(rows.stream().map((u) -> u.realisedByMonth().get(month)).reduce(BigDecimal.ZERO, BigDecimal::add));
		}
		return new CitySavings(months, rows, rows.stream().mapToInt(CitySavings.UnitSavings::openRecommendations).sum(),
				rows.stream().map(CitySavings.UnitSavings::potentialMonthly).reduce(BigDecimal.ZERO, BigDecimal::add),
				rows.stream().map(CitySavings.UnitSavings::realisedMonthly).reduce(BigDecimal.ZERO, BigDecimal::add),
				byMonth);
	}

	/**
	 * The realised saving in a month: each amendment's monthly saving over the days of
	 * the month from its date (up to today for the current month), as the contract bills.
	 */
	static BigDecimal inMonth(List<Amended> amended, YearMonth month, LocalDate today) {
		LocalDate last = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
		BigDecimal total = BigDecimal.ZERO;
		for (Amended a : amended) {
			LocalDate first = a.from().isAfter(month.atDay(1)) ? a.from() : month.atDay(1);
			long days = ChronoUnit.DAYS.between(first, last) + 1;
			if (days > 0) {
				total = total.add(a.saving()
					.multiply(BigDecimal.valueOf(days))
					.divide(BigDecimal.valueOf(month.lengthOfMonth()), 2, RoundingMode.HALF_UP));
			}
		}
		return total;
	}

	/** An amendment of a carried-out order: from when, and the monthly saving. */
	record Amended(LocalDate from, BigDecimal saving) {
	}

	private record Potential(int count, BigDecimal monthly) {
	}

}
