package cn.govcloud.contract;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The month's fees of the filed contracts (Art. 7), as the monthly report reads them (ADR
 * 0016): one query for the terms and {@link ContractLines}' three for the lines, whatever
 * the number of contracts.
 */
@Service
public class MonthlyFees {

	private final JdbcClient jdbc;

	private final ContractLines lines;

	MonthlyFees(JdbcClient jdbc, ContractLines lines) {
		this.jdbc = jdbc;
		this.lines = lines;
	}

	/**
	 * The filed contracts (filed, active or ended) whose term meets {@code month}, each
	 * with its fee for the month; {@code unitId} narrows to one unit when not null.
	 */
	public List<ContractFee> in(YearMonth month, UUID unitId) {
		Map<UUID, LocalDate[]> terms = new HashMap<>();
		this.jdbc.sql("""
				SELECT id, term_start, term_end FROM contract
				WHERE status IN ('FILED', 'ACTIVE', 'ENDED') AND term_start <= :last AND term_end >= :first
				  AND (CAST(:unit AS uuid) IS NULL OR unit_id = :unit)
				""")
			.param("first", Date.valueOf(month.atDay(1)))
			.param("last", Date.valueOf(month.atEndOfMonth()))
			.param("unit", unitId)
			.query((rs) -> {
				terms.put(rs.getObject(1, UUID.class),
						new LocalDate[] { rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate() });
			});
		if (terms.isEmpty()) {
			return List.of();
		}
		return this.lines.outlines(terms.keySet()).stream().map((outline) -> {
			LocalDate[] term = terms.get(outline.id());
			return new ContractFee(outline.id(), outline.number(), outline.unitId(), outline.supplierId(),
					outline.systemId(), amount(outline, term[0], term[1], month), amendments(outline, month));
		}).toList();
	}

	/**
	 * Each version's lines from its start (or the month's, or the term's, whichever is
	 * later) to the day before the next version's (or the month's or term's end).
	 */
	static BigDecimal amount(ContractOutline outline, LocalDate termStart, LocalDate termEnd, YearMonth month) {
		LocalDate first = later(termStart, month.atDay(1));
		LocalDate last = earlier(termEnd, month.atEndOfMonth());
		List<Integer> versions = outline.versionStarts().keySet().stream().sorted().toList();
		BigDecimal total = BigDecimal.ZERO.setScale(2);
		for (int i = 0; i < versions.size(); i++) {
			LocalDate from = later(first, outline.versionStarts().get(versions.get(i)));
			LocalDate to = (i + 1 < versions.size())
					? earlier(last, outline.versionStarts().get(versions.get(i + 1)).minusDays(1)) : last;
			for (ContractLine line : outline.lines(versions.get(i))) {
				total = total.add(Proration.over(line.monthlyAmount(), from, to));
			}
		}
		return total;
	}

	private static int amendments(ContractOutline outline, YearMonth month) {
		return (int) outline.versionStarts()
			.entrySet()
			.stream()
			.filter((start) -> start.getKey() > 1 && YearMonth.from(start.getValue()).equals(month))
			.count();
	}

	private static LocalDate later(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate earlier(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
