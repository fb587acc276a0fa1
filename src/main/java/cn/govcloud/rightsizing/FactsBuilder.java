package cn.govcloud.rightsizing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.govcloud.catalogue.PriceCap;
import cn.govcloud.catalogue.ResourceKind;
import cn.govcloud.catalogue.ResourceKinds;
import cn.govcloud.catalogue.SpecField;
import cn.govcloud.catalogue.TenderPrices;
import cn.govcloud.contract.ContractLine;
import cn.govcloud.contract.ContractLines;
import cn.govcloud.contract.ContractOutline;
import cn.govcloud.inventory.SizedInstance;

import org.springframework.stereotype.Component;

/**
 * Puts together what the rules need for each instance of one computation: its kind's spec
 * fields and its prices — the lines of its contract's version in force on the day for its
 * approved line, and the tender caps (Art. 7) of its supplier and kind for dimensions the
 * contract does not price. Read once per computation, whatever the number of instances.
 */
@Component
class FactsBuilder {

	private final ResourceKinds kinds;

	private final ContractLines contracts;

	private final TenderPrices tenders;

	FactsBuilder(ResourceKinds kinds, ContractLines contracts, TenderPrices tenders) {
		this.kinds = kinds;
		this.contracts = contracts;
		this.tenders = tenders;
	}

	/** The reference data of one day's computation for these instances. */
	Context context(Collection<SizedInstance> instances, LocalDate on) {
		List<java.util.UUID> ids = instances.stream()
			.map(SizedInstance::contractId)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		Map<java.util.UUID, ContractOutline> outlines = new HashMap<>();
		for (ContractOutline outline : this.contracts.outlines(ids)) {
			outlines.put(outline.id(), outline);
		}
		return new Context(on, outlines, new HashMap<>(), new HashMap<>());
	}

	InstanceFacts facts(Context context, SizedInstance instance, List<DailyUsage> days) {
		List<SpecField> fields = context.fields.computeIfAbsent(instance.kind(),
				(kind) -> this.kinds.find(kind).map(ResourceKind::fields).orElse(List.of()));
		List<BilledPrice> prices = new ArrayList<>(contractPrices(context, instance));
		prices.addAll(context.caps.computeIfAbsent(instance.supplierId() + "/" + instance.kind(),
				(key) -> caps(instance, context.on)));
		return new InstanceFacts(true, instance.spec(), fields, prices, days);
	}

	private List<BilledPrice> contractPrices(Context context, SizedInstance instance) {
		ContractOutline outline = (instance.contractId() != null) ? context.outlines.get(instance.contractId()) : null;
		if (outline == null) {
			return List.of();
		}
		LocalDate from = outline.versionStarts().get(outline.versionOn(context.on));
		List<BilledPrice> prices = new ArrayList<>();
		for (ContractLine line : outline.lines(outline.versionOn(context.on))) {
			if (Objects.equals(line.applicationLineId(), instance.applicationLineId())) {
				prices.add(new BilledPrice(line.dimension(), line.unitPrice(), from, null, true));
			}
		}
		return prices;
	}

	private List<BilledPrice> caps(SizedInstance instance, LocalDate on) {
		List<BilledPrice> caps = new ArrayList<>();
		for (PriceCap cap : this.tenders.capsFor(instance.supplierId(), instance.kind(), on)) {
			caps.add(new BilledPrice(cap.dimension(), cap.unitPrice(), cap.effectiveFrom(), cap.effectiveTo(), false));
		}
		return caps;
	}

	/**
	 * One computation's reference data; kinds and caps fill in as instances need them.
	 */
	record Context(LocalDate on, Map<java.util.UUID, ContractOutline> outlines, Map<String, List<SpecField>> fields,
			Map<String, List<BilledPrice>> caps) {
	}

}
