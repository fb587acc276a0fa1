package cn.govcloud.catalogue;

import java.time.LocalDate;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tender unit price in force, for contract drafting (Art. 7). */
@RestController
@Tag(name = "Tender prices")
class PriceCapApi {

	private final TenderPrices prices;

	PriceCapApi(TenderPrices prices) {
		this.prices = prices;
	}

	@GetMapping("/api/v1/price-caps")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	@Operation(summary = "The tender unit price in force for a supplier, kind and dimension on a day",
			description = "404 when the supplier has no price for it that day.")
	PriceCap cap(@RequestParam UUID supplierId, @RequestParam String kind, @Parameter(
			description = "A whole-number spec field of the kind (e.g. vcpu) or instance") @RequestParam String dimension,
			@Parameter(description = "yyyy-MM-dd; today in the city when left out") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		LocalDate day = (on != null) ? on : CityTime.today();
		return this.prices.capFor(supplierId, kind, dimension, day)
			.orElseThrow(() -> new NotFoundException("price cap", kind + "/" + dimension + "@" + day));
	}

}
