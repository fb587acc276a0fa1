package cn.govcloud.inventory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.govcloud.contract.ContractLine;
import cn.govcloud.contract.ContractLines;
import cn.govcloud.contract.ContractOutline;
import cn.govcloud.inventory.Violation.Rule;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Lists every break in the chain approval → contract → instance (PRODUCT C6): an active
 * instance without a filed contract line; more provisioned than contracted, or more
 * contracted than approved, for a system, kind and spec; an instance billed after its
 * reclaim date (Art. 9). On a healthy database the list is empty.
 */
@Service
public class ConsistencyCheck {

	private final JdbcClient jdbc;

	private final ContractLines contracts;

	private final Specs specs;

	ConsistencyCheck(JdbcClient jdbc, ContractLines contracts, Specs specs) {
		this.jdbc = jdbc;
		this.contracts = contracts;
		this.specs = specs;
	}

	public List<Violation> violations() {
		List<Violation> found = new ArrayList<>();
		found.addAll(activeWithoutContractLine());
		found.addAll(provisionedOverContracted());
		found.addAll(contractedOverApproved());
		found.addAll(billedAfterReclaim());
		return found;
	}

	private List<Violation> activeWithoutContractLine() {
		List<ActiveInstance> active = this.jdbc.sql("""
				SELECT i.system_id, i.cloud_instance_id, i.name, w.contract_id, ol.application_line_id FROM instance i
				LEFT JOIN work_order_line ol ON ol.id = i.order_line_id
				LEFT JOIN work_order w ON w.id = ol.work_order_id
				WHERE i.state = 'ACTIVE'
				ORDER BY i.system_id, i.cloud_instance_id
				""")
			.query((rs, n) -> new ActiveInstance(rs.getObject("system_id", UUID.class),
					rs.getString("cloud_instance_id"), rs.getString("name"), rs.getObject("contract_id", UUID.class),
					rs.getObject("application_line_id", UUID.class)))
			.list();
		Map<UUID, ContractOutline> contracts = outlines(active.stream().map(ActiveInstance::contractId));
		return active.stream().filter((instance) -> {
			ContractOutline contract = (instance.contractId() != null) ? contracts.get(instance.contractId()) : null;
			return contract == null || !contract.status().filed()
					|| contract.currentLines()
						.stream()
						.noneMatch((line) -> line.applicationLineId().equals(instance.applicationLineId()));
		})
			.map((instance) -> new Violation(Rule.ACTIVE_WITHOUT_CONTRACT_LINE, instance.systemId(),
					instance.cloudInstanceId(), instance.name()))
			.toList();
	}

	private List<Violation> provisionedOverContracted() {
		return this.jdbc.sql("""
				WITH line AS (
				    SELECT w.system_id, ol.kind_code, ol.approved_spec::text AS spec, ol.allowed,
				           (SELECT count(*) FROM instance i WHERE i.order_line_id = ol.id AND i.state <> 'RECLAIMED')
				               AS provisioned
				    FROM work_order_line ol JOIN work_order w ON w.id = ol.work_order_id)
				SELECT system_id, kind_code, spec, sum(allowed) AS contracted, sum(provisioned) AS provisioned
				FROM line GROUP BY system_id, kind_code, spec HAVING sum(provisioned) > sum(allowed)
				ORDER BY system_id, kind_code
				""")
			.query((rs, n) -> new Violation(Rule.PROVISIONED_OVER_CONTRACTED, rs.getObject("system_id", UUID.class),
					rs.getString("kind_code") + " " + rs.getString("spec"),
					"provisioned " + rs.getLong("provisioned") + " > contracted " + rs.getLong("contracted")))
			.list();
	}

	private List<Violation> contractedOverApproved() {
		List<Violation> found = new ArrayList<>();
		for (ContractOutline contract : this.contracts.overApproved()) {
			for (ContractLine line : contract.currentLines()) {
				if (line.quantity() > line.approvedQuantity()) {
					found.add(new Violation(Rule.CONTRACTED_OVER_APPROVED, contract.systemId(),
							contract.number() + " " + line.kind() + "." + line.dimension(),
							"contracted " + line.quantity() + " > approved " + line.approvedQuantity()));
				}
			}
		}
		return found;
	}

	/**
	 * Art. 9: an instance is billed up to its reclaim date, never after. For each
	 * contract line and day with reclaimed instances, the line's quantity in force the
	 * next day must be at most the most the line ever held up to then, less what every
	 * instance reclaimed by that day paid for (whether a termination's reclaim amended it
	 * after, or an amendment came first). A reclaim order still open has not amended yet:
	 * its instances count once it completes.
	 */
	private List<Violation> billedAfterReclaim() {
		List<Reclaimed> reclaimed = this.jdbc.sql("""
				SELECT w.contract_id, i.system_id, ol.application_line_id, ol.approved_spec::text AS spec,
				       i.reclaimed_on AS day, count(*) AS n, min(i.cloud_instance_id) AS cloud_id
				FROM instance i JOIN work_order w ON w.id = i.work_order_id
				JOIN work_order_line ol ON ol.id = i.order_line_id
				WHERE i.state = 'RECLAIMED' AND NOT EXISTS (SELECT 1 FROM work_order ro
				                                            WHERE ro.id = i.reclaim_order_id AND ro.status = 'OPEN')
				GROUP BY w.contract_id, i.system_id, ol.application_line_id, ol.approved_spec, i.reclaimed_on
				""")
			.query((rs, n) -> new Reclaimed(rs.getObject("contract_id", UUID.class),
					rs.getObject("system_id", UUID.class), rs.getObject("application_line_id", UUID.class),
					this.specs.read(rs.getString("spec")), rs.getDate("day").toLocalDate(), rs.getLong("n"),
					rs.getString("cloud_id")))
			.list();
		Map<UUID, ContractOutline> contracts = outlines(reclaimed.stream().map(Reclaimed::contractId));
		List<Billed> billed = new ArrayList<>();
		for (Reclaimed r : reclaimed) {
			ContractOutline contract = contracts.get(r.contractId());
			if (contract == null || !contract.status().filed() || !r.day().isBefore(contract.termEnd())) {
				continue;
			}
			for (ContractLine line : contract.lines(1)) {
				if (line.applicationLineId().equals(r.applicationLineId())) {
					billed(contract, line, r, reclaimed).ifPresent(billed::add);
				}
			}
		}
		billed.sort(Comparator.comparing(Billed::systemId, ConsistencyCheck::compareAsPostgres)
			.thenComparing(Billed::number)
			.thenComparingInt(Billed::position)
			.thenComparing(Billed::day));
		return billed.stream().map(Billed::violation).toList();
	}

	/**
	 * The line's quantity in force the day after {@code r.day}, if it is more than the
	 * most it ever held up to then less what every instance of the line reclaimed by that
	 * day paid for.
	 */
	private static Optional<Billed> billed(ContractOutline contract, ContractLine line, Reclaimed r,
			List<Reclaimed> reclaimed) {
		int after = contract.versionOn(r.day().plusDays(1));
		long units = reclaimed.stream()
			.filter((r2) -> r2.contractId().equals(r.contractId())
					&& r2.applicationLineId().equals(r.applicationLineId()) && !r2.day().isAfter(r.day()))
			.mapToLong((r2) -> r2.count() * r2.unitsPerInstance(line.dimension()))
			.sum();
		Map<Integer, Long> byVersion = new HashMap<>();
		for (ContractLine other : contract.lines()) {
			if (other.position() == line.position()) {
				byVersion.put(other.version(), other.quantity());
			}
		}
		Long quantityAfter = byVersion.get(after);
		long most = 0;
		for (Map.Entry<Integer, Long> version : byVersion.entrySet()) {
			if (version.getKey() <= after) {
				most += Math.max(0, version.getValue() - byVersion.getOrDefault(version.getKey() - 1, 0L));
			}
		}
		long allowed = Math.max(0, most - units);
		if (quantityAfter == null || quantityAfter <= allowed) {
			return Optional.empty();
		}
		return Optional.of(new Billed(r.systemId(), contract.number(), line.position(), r.day(),
				new Violation(Rule.BILLED_AFTER_RECLAIM, r.systemId(), r.cloudId(),
						contract.number() + " " + line.dimension() + ": " + quantityAfter + " billed after " + r.day()
								+ ", at most " + allowed)));
	}

	/** The contracts of these ids, by id: three queries however many. */
	private Map<UUID, ContractOutline> outlines(Stream<UUID> ids) {
		Map<UUID, ContractOutline> found = new HashMap<>();
		for (ContractOutline contract : this.contracts
			.outlines(ids.filter(Objects::nonNull).collect(Collectors.toSet()))) {
			found.put(contract.id(), contract);
		}
		return found;
	}

	/** The order of PostgreSQL's uuid: byte by byte, unsigned. */
	private static int compareAsPostgres(UUID one, UUID other) {
		int high = Long.compareUnsigned(one.getMostSignificantBits(), other.getMostSignificantBits());
		return (high != 0) ? high
				: Long.compareUnsigned(one.getLeastSignificantBits(), other.getLeastSignificantBits());
	}

	private record ActiveInstance(UUID systemId, String cloudInstanceId, String name, UUID contractId,
			UUID applicationLineId) {
	}

	/** Instances of one contract, approved line and spec reclaimed on one day. */
	private record Reclaimed(UUID contractId, UUID systemId, UUID applicationLineId, Map<String, Object> spec,
			LocalDate day, long count, String cloudId) {

		long unitsPerInstance(String dimension) {
			return Specs.unitsPerInstance(this.spec, dimension);
		}

	}

	private record Billed(UUID systemId, String number, int position, LocalDate day, Violation violation) {
	}

}
