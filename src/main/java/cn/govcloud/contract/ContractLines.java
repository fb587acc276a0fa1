package cn.govcloud.contract;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Contracts and their lines as other modules read them, instead of reading the contract
 * tables (ADR 0016): one contract for an event, or many at once for a city-wide check
 * (three queries whatever their number).
 */
@Service
public class ContractLines {

	private final JdbcClient jdbc;

	ContractLines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ContractOutline> outline(UUID contractId) {
		return outlines(List.of(contractId)).stream().findFirst();
	}

	/** The contracts of these ids that exist, in no particular order. */
	public List<ContractOutline> outlines(Collection<UUID> contractIds) {
		return outlines("c.id = ANY(:ids)", contractIds.toArray(UUID[]::new));
	}

	/**
	 * Filed contracts (Art. 7) whose version in force contracts more of a line than was
	 * approved, by system and number: a break in the chain approval → contract.
	 */
	public List<ContractOutline> overApproved() {
		return outlines("""
				c.status IN ('FILED', 'ACTIVE', 'ENDED') AND EXISTS (SELECT 1 FROM contract_line cl
				    WHERE cl.contract_id = c.id AND cl.version = c.version AND cl.quantity > cl.approved_quantity)
				""", null);
	}

	private List<ContractOutline> outlines(String where, UUID[] ids) {
		List<Head> heads = bind(this.jdbc.sql("""
				SELECT c.id, c.number, c.unit_id, c.supplier_id, c.system_id, c.status, c.term_end, c.version
				FROM contract c WHERE %s ORDER BY c.system_id, c.number
				""".formatted(where)), ids)
			.query((rs, n) -> new Head(rs.getObject("id", UUID.class), rs.getString("number"),
					rs.getObject("unit_id", UUID.class), rs.getObject("supplier_id", UUID.class),
					rs.getObject("system_id", UUID.class), ContractStatus.valueOf(rs.getString("status")),
					rs.getDate("term_end").toLocalDate(), rs.getInt("version")))
			.list();
		if (heads.isEmpty()) {
			return List.of();
		}
		UUID[] found = heads.stream().map(Head::id).toArray(UUID[]::new);
		Map<UUID, Map<Integer, LocalDate>> starts = new HashMap<>();
		this.jdbc.sql("SELECT contract_id, version, effective_from FROM contract_version WHERE contract_id = ANY(:ids)")
			.param("ids", found)
			.query((rs) -> {
				starts.computeIfAbsent(rs.getObject(1, UUID.class), (id) -> new HashMap<>())
					.put(rs.getInt(2), date(rs.getDate(3)));
			});
		Map<UUID, List<ContractLine>> lines = new HashMap<>();
		this.jdbc.sql("""
				SELECT * FROM contract_line WHERE contract_id = ANY(:ids) ORDER BY contract_id, version, position
				""").param("ids", found).query((rs) -> {
			lines.computeIfAbsent(rs.getObject("contract_id", UUID.class), (id) -> new ArrayList<>())
				.add(ContractRepository.mapLine(rs, 0));
		});
		return heads.stream()
			.map((c) -> new ContractOutline(c.id(), c.number(), c.unitId(), c.supplierId(), c.systemId(), c.status(),
					c.termEnd(), c.version(), starts.getOrDefault(c.id(), Map.of()),
					lines.getOrDefault(c.id(), List.of())))
			.toList();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, UUID[] ids) {
		return (ids != null) ? statement.param("ids", ids) : statement;
	}

	private static LocalDate date(Date date) {
		return date.toLocalDate();
	}

	private record Head(UUID id, String number, UUID unitId, UUID supplierId, UUID systemId, ContractStatus status,
			LocalDate termEnd, int version) {
	}

}
