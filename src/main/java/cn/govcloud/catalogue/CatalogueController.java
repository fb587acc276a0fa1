package cn.govcloud.catalogue;

import java.util.List;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FormErrors;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/catalogue")
class CatalogueController {

	private final ResourceKinds kinds;

	CatalogueController(ResourceKinds kinds) {
		this.kinds = kinds;
	}

	@GetMapping
	@Allowed(Permission.READ_BUSINESS_RECORDS)
	String list(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form",
					new ResourceKindForm(null, ResourceCategory.SECURITY_SERVICE, null, null, "个·月", List.of()));
		}
		model.addAttribute("kinds", this.kinds.all());
		return "catalogue/list";
	}

	/** The manager adds a cloud security service: a kind without spec fields. */
	@PostMapping
	@Allowed(Permission.KEEP_CATALOGUE)
	String addService(@Valid @ModelAttribute("form") ResourceKindForm form, BindingResult binding, Model model) {
		if (!binding.hasErrors()) {
			try {
				this.kinds.add(form);
				return "redirect:/catalogue";
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(binding, ex);
			}
		}
		return list(model);
	}

	@PostMapping("/{code}/retired")
	@Allowed(Permission.KEEP_CATALOGUE)
	String retire(@PathVariable String code, @RequestParam boolean value) {
		this.kinds.retire(code, value);
		return "redirect:/catalogue";
	}

}
