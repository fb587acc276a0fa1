package cn.govcloud.catalogue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FormValues;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The Commission manager imports a tender price list from the Excel template, possibly
 * superseding an earlier one; a refused file is listed cell by cell with row, column and
 * reason.
 */
@Controller
@RequestMapping("/prices/import")
class PriceImportController {

	private final PriceImport excel;

	private final PriceLists lists;

	private final Organizations organizations;

	private final PriceProblems problems;

	PriceImportController(PriceImport excel, PriceLists lists, Organizations organizations, PriceProblems problems) {
		this.excel = excel;
		this.lists = lists;
		this.organizations = organizations;
		this.problems = problems;
	}

	@GetMapping
	@Allowed(Permission.KEEP_CATALOGUE)
	String form(@RequestParam Map<String, String> values, Model model) {
		return page(model, values, null);
	}

	@PostMapping
	@Allowed(Permission.KEEP_CATALOGUE)
	String importList(@RequestParam MultiValueMap<String, String> form,
			@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		try {
			UUID id = this.excel.importList(id(form.getFirst("supplierId"), "supplierId"),
					form.getFirst("tenderNumber"), date(form.getFirst("awardedOn")), form.getFirst("note"),
					id(form.getFirst("supersedes"), "supersedes"), (file != null) ? file.getBytes() : null);
			return "redirect:/prices/" + id + "?imported";
		}
		catch (InvalidInputException ex) {
			return page(model, form.toSingleValueMap(), ex);
		}
	}

	private String page(Model model, Map<String, String> values, InvalidInputException refused) {
		model.addAttribute("suppliers", this.organizations.suppliers());
		model.addAttribute("earlier", this.lists.search(new PriceListFilter(null, null, null), 0, 200).items());
		model.addAttribute("values", values);
		model.addAttribute("problems", this.problems.of(refused));
		return "catalogue/price-import";
	}

	private static UUID id(String value, String field) {
		try {
			return (value == null || value.isBlank()) ? null : UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of(field, "error.field.format");
		}
	}

	private static LocalDate date(String value) {
		return FormValues.date(value, "awardedOn");
	}

}
