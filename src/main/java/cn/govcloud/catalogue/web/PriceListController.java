package cn.govcloud.catalogue.web;

import java.io.IOException;
import java.util.UUID;

import cn.govcloud.catalogue.PriceImport;
import cn.govcloud.catalogue.PriceLists;
import cn.govcloud.catalogue.ResourceKind;
import cn.govcloud.catalogue.ResourceKinds;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.web.PageMessages;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Tender price lists for everyone to read; the Commission manager imports them from
 * Excel.
 */
@Controller
class PriceListController {

	private final PriceLists lists;

	private final PriceImport excel;

	private final Organizations organizations;

	private final PageMessages messages;

	private final ResourceKinds kinds;

	PriceListController(PriceLists lists, PriceImport excel, Organizations organizations, PageMessages messages,
			ResourceKinds kinds) {
		this.kinds = kinds;
		this.lists = lists;
		this.excel = excel;
		this.organizations = organizations;
		this.messages = messages;
	}

	@GetMapping("/prices")
	@PreAuthorize(PriceListApi.READERS)
	String list(@RequestParam(required = false) UUID supplierId, Model model) {
		model.addAttribute("lists", this.lists.all(supplierId));
		model.addAttribute("suppliers", this.organizations.suppliers());
		model.addAttribute("supplierId", supplierId);
		return "catalogue/prices";
	}

	@GetMapping("/prices/{id}")
	@PreAuthorize(PriceListApi.READERS)
	String show(@PathVariable UUID id, Model model) {
		model.addAttribute("list", this.lists.find(id));
		model.addAttribute("kinds", this.kinds.all()
			.stream()
			.collect(java.util.stream.Collectors.toMap(ResourceKind::code, java.util.function.Function.identity())));
		return "catalogue/price-list";
	}

	@GetMapping("/prices/import")
	@PreAuthorize(CatalogueApi.MANAGER)
	String importForm(Model model) {
		return importPage(model, null, null);
	}

	@PostMapping("/prices/import")
	@PreAuthorize(CatalogueApi.MANAGER)
	String importList(@RequestParam MultiValueMap<String, String> form,
			@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		try {
			UUID id = this.excel.importList(parseId(form.getFirst("supplierId")), form.getFirst("tenderNumber"),
					parseDate(form.getFirst("awardedOn")), form.getFirst("note"),
					(file != null) ? file.getBytes() : null);
			return "redirect:/prices/" + id;
		}
		catch (InvalidInputException ex) {
			return importPage(model, form.toSingleValueMap(), ex);
		}
	}

	private String importPage(Model model, Object values, InvalidInputException problems) {
		model.addAttribute("suppliers", this.organizations.suppliers());
		model.addAttribute("values", (values != null) ? values : java.util.Map.of());
		model.addAttribute("fieldErrors", this.messages.of(problems));
		return "catalogue/price-import";
	}

	private static UUID parseId(String value) {
		try {
			return (value == null || value.isBlank()) ? null : UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static java.time.LocalDate parseDate(String value) {
		try {
			return (value == null || value.isBlank()) ? null : java.time.LocalDate.parse(value);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw InvalidInputException.of("awardedOn", "error.field.format");
		}
	}

}
