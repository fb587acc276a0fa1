package cn.govcloud.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.catalogue.PriceCap;
import cn.govcloud.catalogue.ResourceKinds;
import cn.govcloud.catalogue.TenderPrices;
import cn.govcloud.contract.ContractDraft.LineDraft;
import cn.govcloud.request.ApplicationLine;
import cn.govcloud.request.LineDirection;
import cn.govcloud.request.ResourceApplication;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

import org.springframework.stereotype.Component;

/**
 * Prices contract lines (Art. 7): every line at or below the tender unit price in force
 * on the contract's start date, for no more billing units than the approval allows. Equal
 * to the cap is allowed; one fen above is refused with the line, the price, the cap and
 * the tender named.
 */
@Component
class ContractPricing {

	static final String INSTANCE = "instance";

	private final TenderPrices prices;

	private final ResourceKinds kinds;

	ContractPricing(TenderPrices prices, ResourceKinds kinds) {
		this.prices = prices;
		this.kinds = kinds;
	}

	/**
	 * Every approved resource, every priced dimension, at the approved quantity and the
	 * cap.
	 */
	List<ContractLine> prefill(ResourceApplication application, UUID supplierId, LocalDate start) {
		List<ContractLine> lines = new ArrayList<>();
		for (ApplicationLine line : approvedLines(application)) {
			for (PriceCap cap : this.prices.capsFor(supplierId, line.kind(), start)) {
				long units = billingUnits(line, cap.dimension());
				lines.add(new ContractLine(null, 1, lines.size() + 1, line.id(), line.kind(), cap.dimension(),
						cap.billingUnit().name(), units, units, cap.unitPrice(), cap.unitPrice(), cap.tenderNumber()));
			}
		}
		return lines;
	}

	/** The checked lines; every problem is added to {@code problems}, named by line. */
	List<ContractLine> check(List<LineDraft> drafts, ResourceApplication application, UUID supplierId, LocalDate start,
			List<FieldProblem> problems) {
		List<ContractLine> lines = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		if (drafts.isEmpty()) {
			problems.add(new FieldProblem("lines", "contract.lines.none"));
		}
		for (int i = 0; i < drafts.size(); i++) {
			ContractLine line = checkLine(i, drafts.get(i), application, supplierId, start, seen, problems);
			if (line != null) {
				lines.add(line);
			}
		}
		return lines;
	}

	private ContractLine checkLine(int index, LineDraft draft, ResourceApplication application, UUID supplierId,
			LocalDate start, Set<String> seen, List<FieldProblem> problems) {
		String path = "lines[" + index + "]";
		Optional<ApplicationLine> approved = approvedLines(application).stream()
			.filter((line) -> line.id().equals(draft.applicationLineId()))
			.findFirst();
		if (approved.isEmpty()) {
			problems.add(new FieldProblem(path + ".applicationLineId", "contract.line.notApproved"));
			return null;
		}
		ApplicationLine line = approved.get();
		String kindName = this.kinds.find(line.kind()).map((kind) -> kind.nameZh()).orElse(line.kind());
		Optional<PriceCap> cap = (draft.dimension() == null) ? Optional.empty()
				: this.prices.capFor(supplierId, line.kind(), draft.dimension(), start);
		return priced(index, draft, line, kindName, cap, start, seen, problems);
	}

	/**
	 * One draft line of an approved application line, priced against the tender cap of
	 * its billed dimension in force on {@code start}: no more billing units than the
	 * approval allows, no price above the cap (Art. 7).
	 * @param cap the cap of the draft's dimension, if the tender prices it
	 * @param seen the lines and dimensions already priced: each at most once
	 * @return the line, or {@code null} with its problems added
	 */
	static ContractLine priced(int index, LineDraft draft, ApplicationLine line, String kindName,
			Optional<PriceCap> cap, LocalDate start, Set<String> seen, List<FieldProblem> problems) {
		String path = "lines[" + index + "]";
		if (cap.isEmpty()) {
			problems.add(new FieldProblem(path + ".dimension", "contract.price.none", index + 1, kindName,
					dimension(draft.dimension()), start));
			return null;
		}
		if (!seen.add(line.id() + "/" + draft.dimension())) {
			problems.add(new FieldProblem(path + ".dimension", "contract.line.duplicate", index + 1));
			return null;
		}
		int before = problems.size();
		long allowed = billingUnits(line, draft.dimension());
		Long quantity = quantity(path + ".quantity", draft.quantity(), index, allowed, problems);
		BigDecimal price = price(path + ".unitPrice", draft.unitPrice(), index, kindName, cap.get(), problems);
		if (problems.size() > before) {
			return null;
		}
		return new ContractLine(null, 1, index + 1, line.id(), line.kind(), draft.dimension(),
				cap.get().billingUnit().name(), quantity, allowed, price, cap.get().unitPrice(),
				cap.get().tenderNumber());
	}

	private static Long quantity(String field, BigDecimal value, int index, long allowed, List<FieldProblem> problems) {
		if (value == null || value.signum() <= 0 || value.stripTrailingZeros().scale() > 0) {
			problems.add(new FieldProblem(field, "contract.quantity.whole"));
			return null;
		}
		if (value.compareTo(BigDecimal.valueOf(allowed)) > 0) {
			problems.add(new FieldProblem(field, "contract.quantity.aboveApproved", index + 1, value.toPlainString(),
					allowed));
			return null;
		}
		return value.longValueExact();
	}

	private static BigDecimal price(String field, BigDecimal value, int index, String kindName, PriceCap cap,
			List<FieldProblem> problems) {
		if (value == null || value.signum() <= 0) {
			problems.add(new FieldProblem(field, "contract.price.positive"));
			return null;
		}
		if (value.stripTrailingZeros().scale() > 2) {
			problems.add(new FieldProblem(field, "contract.price.decimals"));
			return null;
		}
		// Art. 7: the price must not be higher than the tender unit price; equal is
		// allowed.
		if (value.compareTo(cap.unitPrice()) > 0) {
			problems
				.add(new FieldProblem(field, "contract.price.aboveCap", index + 1, kindName, dimension(cap.dimension()),
						value.setScale(2).toPlainString(), cap.unitPrice().toPlainString(), cap.tenderNumber()));
			return null;
		}
		return value.setScale(2);
	}

	/** The dimension's name in the reader's language, resolved with the message. */
	private static Object dimension(String dimension) {
		return new org.springframework.context.support.DefaultMessageSourceResolvable(
				new String[] { "contract.dimension." + dimension }, dimension);
	}

	private static List<ApplicationLine> approvedLines(ResourceApplication application) {
		return application.lines()
			.stream()
			.filter((line) -> line.direction() == LineDirection.INCREASE && line.approvedQuantity() != null
					&& line.approvedQuantity() > 0)
			.toList();
	}

	/**
	 * Billing units an approved line allows: per instance, or approved quantity × the
	 * spec value.
	 */
	static long billingUnits(ApplicationLine line, String dimension) {
		long quantity = line.approvedQuantity();
		if (INSTANCE.equals(dimension)) {
			return quantity;
		}
		Object value = line.approvedSpec().get(dimension);
		return (value instanceof Number number) ? quantity * number.longValue() : 0;
	}

}
