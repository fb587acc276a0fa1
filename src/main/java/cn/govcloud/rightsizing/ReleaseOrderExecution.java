package cn.govcloud.rightsizing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.contract.AmendmentForm;
import cn.govcloud.contract.Amendments;
import cn.govcloud.contract.ContractLine;
import cn.govcloud.contract.ContractLines;
import cn.govcloud.contract.ContractOutline;
import cn.govcloud.contract.ContractStatus;
import cn.govcloud.inventory.InstanceDirectory;
import cn.govcloud.inventory.ReclaimOrders;
import cn.govcloud.inventory.ResizeOrders;
import cn.govcloud.inventory.SizedInstance;
import cn.govcloud.shared.CityTime;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out standing release orders on their effective date (Art. 8: surplus released
 * according to actual usage), once each, checked hourly: every contract of the order's
 * instances is amended from that date through the contract's amendments (each billed
 * dimension lowered by what the ordered lines give up; billing reduced from then), and
 * the contract's supplier gets a reclaim order for the released instances and a resize
 * order for the others. The monthly amount billed before and after is kept: the realised
 * saving.
 */
@Service
public class ReleaseOrderExecution {

	private final ReleaseOrderRepository repository;

	private final InstanceDirectory instances;

	private final ContractLines contracts;

	private final Amendments amendments;

	private final ReclaimOrders reclaims;

	private final ResizeOrders resizes;

	private final TransactionTemplate transactions;

	ReleaseOrderExecution(ReleaseOrderRepository repository, InstanceDirectory instances, ContractLines contracts,
			Amendments amendments, ReclaimOrders reclaims, ResizeOrders resizes, TransactionTemplate transactions) {
		this.repository = repository;
		this.instances = instances;
		this.contracts = contracts;
		this.amendments = amendments;
		this.reclaims = reclaims;
		this.resizes = resizes;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${govcloud.rightsizing.lapse-interval:1h}", initialDelayString = "120s")
	void hourly() {
		carryOutDue(CityTime.today());
	}

	/**
	 * Every standing order effective on or before {@code today} and not yet carried out,
	 * each in its own transaction; of two runs at once, one carries an order out.
	 * @return how many were carried out
	 */
	public int carryOutDue(LocalDate today) {
		int done = 0;
		for (UUID id : this.repository.toCarryOut(today)) {
			Boolean carried = this.transactions.execute((status) -> carryOut(id, today));
			done += Boolean.TRUE.equals(carried) ? 1 : 0;
		}
		return done;
	}

	private boolean carryOut(UUID id, LocalDate today) {
		if (!this.repository.claim(id, today, Instant.now().truncatedTo(ChronoUnit.MICROS))) {
			return false;
		}
		ReleaseOrder order = this.repository.findById(id).orElseThrow();
		UUID by = this.repository.issuer(id);
		Map<UUID, OrderLine> lines = new LinkedHashMap<>();
		order.lines().forEach((line) -> lines.put(line.instanceId(), line));
		Map<UUID, List<SizedInstance>> byContract = new LinkedHashMap<>();
		for (SizedInstance instance : this.instances.active(lines.keySet())) {
			if (instance.contractId() != null) {
				byContract.computeIfAbsent(instance.contractId(), (c) -> new ArrayList<>()).add(instance);
			}
		}
		for (Map.Entry<UUID, List<SizedInstance>> contract : byContract.entrySet()) {
			this.contracts.outline(contract.getKey())
				.ifPresent((outline) -> amend(order, outline, contract.getValue(), lines, by));
		}
		return true;
	}

	/**
	 * Amends one contract from the order's effective date (or the first day an amendment
	 * may start, if a later version started meanwhile) and opens its work orders.
	 */
	private void amend(ReleaseOrder order, ContractOutline outline, List<SizedInstance> instances,
			Map<UUID, OrderLine> lines, UUID by) {
		LocalDate from = start(outline, order.effectiveOn());
		if ((outline.status() != ContractStatus.FILED && outline.status() != ContractStatus.ACTIVE)
				|| from.isAfter(outline.termEnd())) {
			return;
		}
		BigDecimal before = monthly(outline.lines(outline.versionOn(from.minusDays(1))));
		Map<Integer, Long> quantities = new LinkedHashMap<>();
		for (ContractLine line : outline.currentLines()) {
			long givenUp = 0;
			for (SizedInstance instance : instances) {
				if (line.applicationLineId().equals(instance.applicationLineId())) {
					OrderLine ordered = lines.get(instance.id());
					Map<String, Object> after = (ordered.orderedSpec() != null) ? ordered.orderedSpec() : Map.of();
					givenUp += SizedInstance.billingUnits(instance.spec(), line.dimension())
							- SizedInstance.billingUnits(after, line.dimension());
				}
			}
			if (givenUp != 0) {
				quantities.put(line.position(),
						Math.max(0, Math.min(line.approvedQuantity(), line.quantity() - givenUp)));
			}
		}
		this.amendments.amendForReclaim(outline.id(),
				new AmendmentForm(from, "释放令 release order " + order.number() + " (Art. 8)", quantities), by);
		ContractOutline amended = this.contracts.outline(outline.id()).orElseThrow();
		int version = amended.version();
		List<UUID> released = new ArrayList<>();
		Map<UUID, Map<String, Object>> resized = new LinkedHashMap<>();
		for (SizedInstance instance : instances) {
			OrderLine line = lines.get(instance.id());
			if (line.orderedSpec() == null) {
				released.add(instance.id());
			}
			else {
				resized.put(instance.id(), line.orderedSpec());
			}
		}
		Optional<UUID> reclaim = this.reclaims.openForAmendment(outline.id(), version, released, outline.number());
		Optional<UUID> resize = this.resizes.open(outline.id(), version, resized, order.number());
		this.repository.carriedOut(order.id(), new CarriedOut(outline.id(), outline.number(), version, from, before,
				monthly(amended.lines(version)), reclaim.orElse(null), resize.orElse(null)));
	}

	/**
	 * The effective date, unless the version in force started on or after it: then the
	 * day after that version's start.
	 */
	private static LocalDate start(ContractOutline outline, LocalDate effectiveOn) {
		LocalDate current = outline.versionStarts().get(outline.version());
		return (current != null && !effectiveOn.isAfter(current)) ? current.plusDays(1) : effectiveOn;
	}

	private static BigDecimal monthly(List<ContractLine> lines) {
		return lines.stream().map(ContractLine::monthlyAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
