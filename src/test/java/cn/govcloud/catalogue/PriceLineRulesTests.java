package cn.govcloud.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.govcloud.catalogue.PriceListForm.Line;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PriceLineRulesTests {

	static final ResourceKind HOST = new ResourceKind("CLOUD_HOST", ResourceCategory.CLOUD_HOST, "云主机", "Cloud host",
			"台·月",
			List.of(integer("vcpu", "核"), integer("memoryGib", "GiB"), integer("systemDiskGib", "GiB"),
					new SpecField("os", "操作系统", "OS", SpecField.Type.CHOICE, null, null, List.of("麒麟 Kylin"), null)),
			null, 10);

	static final ResourceKind WAF = new ResourceKind("WAF", ResourceCategory.SECURITY_SERVICE, "Web 应用防火墙", "WAF",
			"域名·月", List.of(integer("domains", "")), null, 40);

	static final ResourceKind BANDWIDTH = new ResourceKind("BANDWIDTH", ResourceCategory.BANDWIDTH, "互联网带宽",
			"Bandwidth", "Mbps·月", List.of(integer("mbps", "Mbps")), null, 100);

	private static final Map<String, ResourceKind> KINDS = Map.of("CLOUD_HOST", HOST, "WAF", WAF, "BANDWIDTH",
			BANDWIDTH);

	@Test
	void goodLinesHaveNoProblem() {
		assertThat(check(line("CLOUD_HOST", "vcpu", BillingUnit.VCPU_MONTH, "45.00"),
				line("CLOUD_HOST", "memoryGib", BillingUnit.GIB_MONTH, "18"),
				line("CLOUD_HOST", "instance", BillingUnit.INSTANCE_MONTH, "0.01"),
				line("WAF", "domains", BillingUnit.INSTANCE_MONTH, "1200.5"),
				line("BANDWIDTH", "mbps", BillingUnit.MBPS_MONTH, "999999999999.99")))
			.isEmpty();
	}

	@Test
	void aMissingOrUnknownKindIsNamed() {
		assertThat(
				check(line(null, "vcpu", BillingUnit.VCPU_MONTH, "1"), line(" ", "vcpu", BillingUnit.VCPU_MONTH, "1"),
						line("TIME_MACHINE", "vcpu", BillingUnit.VCPU_MONTH, "1")))
			.containsExactly("lines[0].kind=error.field.required", "lines[1].kind=error.field.required",
					"lines[2].kind=catalogue.kind.unknown");
	}

	@Test
	void theDimensionMustBeAWholeNumberSpecFieldOrInstance() {
		assertThat(check(line("CLOUD_HOST", null, BillingUnit.VCPU_MONTH, "1"),
				line("CLOUD_HOST", "os", BillingUnit.INSTANCE_MONTH, "1"),
				line("CLOUD_HOST", "gpu", BillingUnit.INSTANCE_MONTH, "1"),
				line("BANDWIDTH", "capacityGib", BillingUnit.GIB_MONTH, "1")))
			.containsExactly("lines[0].dimension=error.field.required", "lines[1].dimension=price.dimension.unknown",
					"lines[2].dimension=price.dimension.unknown", "lines[3].dimension=price.dimension.unknown");
		assertThat(PriceLineRules.dimensions(HOST)).containsExactly("vcpu", "memoryGib", "systemDiskGib", "instance");
	}

	@Test
	void theBillingUnitIsRequiredAndMustFitTheDimension() {
		assertThat(check(line("CLOUD_HOST", "vcpu", null, "1"),
				line("CLOUD_HOST", "memoryGib", BillingUnit.VCPU_MONTH, "1"),
				line("BANDWIDTH", "mbps", BillingUnit.GIB_MONTH, "1"),
				line("CLOUD_HOST", "instance", BillingUnit.GIB_MONTH, "1")))
			.containsExactly("lines[0].billingUnit=error.field.required",
					"lines[1].billingUnit=price.billingUnit.mismatch",
					"lines[2].billingUnit=price.billingUnit.mismatch",
					"lines[3].billingUnit=price.billingUnit.mismatch");
	}

	@Test
	void aPriceIsAboveZeroToTheFenAndFitsTheColumn() {
		assertThat(check(line("BANDWIDTH", "mbps", BillingUnit.MBPS_MONTH, null),
				line("BANDWIDTH", "mbps", BillingUnit.MBPS_MONTH, "0"),
				line("BANDWIDTH", "mbps", BillingUnit.MBPS_MONTH, "-35.00"),
				line("BANDWIDTH", "mbps", BillingUnit.MBPS_MONTH, "35.005"),
				line("BANDWIDTH", "mbps", BillingUnit.MBPS_MONTH, "1000000000000")))
			.filteredOn((problem) -> problem.contains(".unitPrice="))
			.containsExactly("lines[0].unitPrice=error.field.required", "lines[1].unitPrice=price.positive",
					"lines[2].unitPrice=price.positive", "lines[3].unitPrice=price.decimals",
					"lines[4].unitPrice=price.tooLarge");
		assertThat(check(line("BANDWIDTH", "mbps", BillingUnit.MBPS_MONTH, "35.100"))).isEmpty();
	}

	@Test
	void aPeriodStartsAndDoesNotEndBeforeItStarts() {
		Line noStart = new Line("BANDWIDTH", "mbps", BillingUnit.MBPS_MONTH, BigDecimal.TEN, null, null);
		Line backwards = new Line("BANDWIDTH", "mbps", BillingUnit.MBPS_MONTH, BigDecimal.TEN, LocalDate.of(2026, 7, 1),
				LocalDate.of(2026, 6, 30));
		Line oneDay = new Line("WAF", "instance", BillingUnit.INSTANCE_MONTH, BigDecimal.TEN, LocalDate.of(2026, 7, 1),
				LocalDate.of(2026, 7, 1));
		assertThat(check(noStart, backwards, oneDay)).containsExactly("lines[0].effectiveFrom=error.field.required",
				"lines[1].effectiveTo=price.period.endBeforeStart");
	}

	@Test
	void everyProblemOfALineIsReportedNotOnlyTheFirst() {
		Line bad = new Line("CLOUD_HOST", "os", null, new BigDecimal("-1.234"), null, null);
		assertThat(check(bad)).containsExactly("lines[0].dimension=price.dimension.unknown",
				"lines[0].billingUnit=error.field.required", "lines[0].unitPrice=price.positive",
				"lines[0].effectiveFrom=error.field.required");
	}

	private static List<String> check(Line... lines) {
		return PriceLineRules.check(List.of(lines), (code) -> Optional.ofNullable(KINDS.get(code)), FieldNames.JSON)
			.stream()
			.map((FieldProblem p) -> p.field() + "=" + p.code())
			.toList();
	}

	private static Line line(String kind, String dimension, BillingUnit unit, String price) {
		return new Line(kind, dimension, unit, (price != null) ? new BigDecimal(price) : null, LocalDate.of(2026, 1, 1),
				null);
	}

	private static SpecField integer(String name, String unit) {
		return new SpecField(name, name, name, SpecField.Type.INTEGER, 1L, 1000L, null, unit);
	}

}
