package cn.govcloud.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.govcloud.catalogue.BillingUnit;
import cn.govcloud.catalogue.PriceCap;
import cn.govcloud.contract.ContractDraft.LineDraft;
import cn.govcloud.request.ApplicationLine;
import cn.govcloud.request.LineDirection;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Art. 7: a contract price may not be higher than the tender unit price, dimension by
 * dimension; equal is allowed. Plain JUnit: the caps are given, not read.
 */
class ContractPricingTests {

	static final LocalDate START = LocalDate.of(2027, 1, 1);

	/** Two approved hosts of 8 vCPU and 16 GiB each. */
	static final ApplicationLine HOSTS = new ApplicationLine(UUID.randomUUID(), 1, "cloud-host", LineDirection.INCREASE,
			Map.of("vcpu", 8L, "memory_gb", 16L), 2, "web", Map.of("vcpu", 8L, "memory_gb", 16L), 2, null);

	static final PriceCap VCPU = cap("vcpu", BillingUnit.VCPU_MONTH, "45.00");

	static final PriceCap MEMORY = cap("memory_gb", BillingUnit.GIB_MONTH, "12.00");

	final List<FieldProblem> problems = new ArrayList<>();

	@Test
	void aPriceEqualToTheCapIsAllowedAndOneFenAboveIsRefused() {
		ContractLine atCap = price(0, "vcpu", 16, "45.00", VCPU);
		assertThat(atCap.unitPrice()).isEqualByComparingTo("45.00");
		assertThat(atCap.capPrice()).isEqualByComparingTo("45.00");
		assertThat(atCap.tenderNumber()).isEqualTo("ZB2026-001");
		assertThat(this.problems).isEmpty();
		assertThat(price(0, "vcpu", 16, "45.01", VCPU)).isNull();
		assertThat(this.problems).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("lines[0].unitPrice");
			assertThat(problem.code()).isEqualTo("contract.price.aboveCap");
			assertThat(problem.args()).contains(1, "45.01", "45.00", "ZB2026-001");
		});
	}

	@Test
	void aPriceBelowTheCapIsAllowedAndKeptToTheFen() {
		ContractLine below = price(0, "vcpu", 16, "39.9", VCPU);
		assertThat(below.unitPrice()).isEqualByComparingTo("39.90");
		assertThat(below.unitPrice().scale()).isEqualTo(2);
		assertThat(below.monthlyAmount()).isEqualByComparingTo("638.40");
		assertThat(price(0, "vcpu", 16, "39.999", VCPU)).isNull();
		assertThat(codes()).containsExactly("contract.price.decimals");
	}

	@Test
	void eachBilledDimensionIsHeldToItsOwnCap() {
		// 45.00 is the vCPU cap: for memory it is far above the 12.00 cap.
		assertThat(price(0, "vcpu", 16, "45.00", VCPU)).isNotNull();
		assertThat(price(1, "memory_gb", 32, "12.00", MEMORY)).isNotNull();
		assertThat(this.problems).isEmpty();
		assertThat(price(2, "memory_gb", 32, "45.00", MEMORY)).isNull();
		assertThat(this.problems).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("lines[2].unitPrice");
			assertThat(problem.args()).contains(3, "45.00", "12.00");
		});
	}

	@Test
	void aDimensionTheTenderDoesNotPriceCannotBeContracted() {
		assertThat(ContractPricing.priced(0, new LineDraft(HOSTS.id(), "gpu", BigDecimal.ONE, BigDecimal.TEN), HOSTS,
				"云主机", Optional.empty(), START, new HashSet<>(), this.problems))
			.isNull();
		assertThat(this.problems).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("lines[0].dimension");
			assertThat(problem.code()).isEqualTo("contract.price.none");
		});
	}

	@Test
	void theQuantityIsTheApprovedBillingUnitsAtMost() {
		// 2 hosts × 8 vCPU = 16 billing units; 2 hosts × 16 GiB = 32.
		assertThat(ContractPricing.billingUnits(HOSTS, "vcpu")).isEqualTo(16);
		assertThat(ContractPricing.billingUnits(HOSTS, "memory_gb")).isEqualTo(32);
		assertThat(ContractPricing.billingUnits(HOSTS, ContractPricing.INSTANCE)).isEqualTo(2);
		assertThat(price(0, "vcpu", 16, "45.00", VCPU).approvedQuantity()).isEqualTo(16);
		assertThat(price(0, "vcpu", 17, "45.00", VCPU)).isNull();
		assertThat(codes()).containsExactly("contract.quantity.aboveApproved");
	}

	@Test
	void aPriceMustBePositive() {
		assertThat(price(0, "vcpu", 16, "0", VCPU)).isNull();
		assertThat(codes()).containsExactly("contract.price.positive");
	}

	private ContractLine price(int index, String dimension, long quantity, String unitPrice, PriceCap cap) {
		return ContractPricing.priced(index,
				new LineDraft(HOSTS.id(), dimension, BigDecimal.valueOf(quantity), new BigDecimal(unitPrice)), HOSTS,
				"云主机", Optional.of(cap), START, new HashSet<>(), this.problems);
	}

	private List<String> codes() {
		return this.problems.stream().map(FieldProblem::code).toList();
	}

	private static PriceCap cap(String dimension, BillingUnit unit, String price) {
		return new PriceCap(UUID.randomUUID(), "ZB2026-001", "cloud-host", dimension, unit, new BigDecimal(price),
				LocalDate.of(2026, 1, 1), null);
	}

}
