package cn.govcloud.catalogue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.RequestHeader;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.PageLinks;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Tender price lists for everyone working with contracts to read (Art. 5, 7). */
@Controller
@RequestMapping("/prices")
class PriceListController {

	private final PriceLists lists;

	private final Organizations organizations;

	private final ResourceKinds kinds;

	PriceListController(PriceLists lists, Organizations organizations, ResourceKinds kinds) {
		this.lists = lists;
		this.organizations = organizations;
		this.kinds = kinds;
	}

	@GetMapping
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	String list(@RequestParam(required = false) UUID supplierId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inForceOn,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("supplierId", supplierId);
		filters.put("kind", kind);
		filters.put("inForceOn", inForceOn);
		PageLinks.list(model, "/prices", filters,
				this.lists.search(new PriceListFilter(supplierId, kind, inForceOn), sort, page, 20));
		if (htmx != null) {
			return "catalogue/prices :: result";
		}
		model.addAttribute("suppliers", this.organizations.suppliers());
		model.addAttribute("kinds", this.kinds.all());
		model.addAttribute("supplierId", supplierId);
		model.addAttribute("kind", kind);
		model.addAttribute("inForceOn", inForceOn);
		return "catalogue/prices";
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("list", this.lists.find(id));
		model.addAttribute("kinds",
				this.kinds.all().stream().collect(Collectors.toMap(ResourceKind::code, Function.identity())));
		return "catalogue/price-list";
	}

}
