package cn.govcloud.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.govcloud.catalogue.PriceListForm.Line;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PriceLineCheckTests {

	@Test
	void touchingPeriodsDoNotOverlap() {
		assertThat(PriceLineCheck.overlap(line("2026-01-01", "2026-06-30"), line("2026-07-01", null))).isFalse();
	}

	@Test
	void oneSharedDayIsAnOverlap() {
		assertThat(PriceLineCheck.overlap(line("2026-01-01", "2026-07-01"), line("2026-07-01", null))).isTrue();
	}

	@Test
	void anOpenEndOverlapsEverythingLater() {
		assertThat(PriceLineCheck.overlap(line("2026-01-01", null), line("2030-01-01", "2030-12-31"))).isTrue();
		assertThat(PriceLineCheck.overlap(line("2030-01-01", "2030-12-31"), line("2026-01-01", null))).isTrue();
	}

	@Test
	void separatePeriodsDoNotOverlap() {
		assertThat(PriceLineCheck.overlap(line("2026-01-01", "2026-03-31"), line("2026-05-01", "2026-06-30")))
			.isFalse();
	}

	private static Line line(String from, String to) {
		return new Line("CLOUD_HOST", "vcpu", BillingUnit.VCPU_MONTH, new BigDecimal("45.00"), LocalDate.parse(from),
				(to != null) ? LocalDate.parse(to) : null);
	}

}
