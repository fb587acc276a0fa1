package cn.govcloud.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FormErrors;
import cn.govcloud.shared.web.PageLinks;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bastion host's sessions (Art. 17): the list (violations first to look at), and the
 * supplier's CSV import.
 */
@Controller
@RequestMapping("/access-events")
class AccessEventController {

	private final AccessEvents events;

	private final DataScopes scopes;

	AccessEventController(AccessEvents events, DataScopes scopes) {
		this.events = events;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_ACCESS_GRANTS)
	String list(@RequestParam(required = false) Boolean violation, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("violation", violation);
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("violation", (violation != null) ? violation : "");
		PageLinks.list(model, "/access-events", filters,
				this.events.search(this.scopes.current(), violation, null, null, sort, page, 20));
		return (htmx != null) ? "security/events :: result" : "security/events";
	}

	@PostMapping("/import")
	@Allowed(Permission.REPORT_ACCESS_EVENTS)
	String importFile(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		try {
			redirect.addFlashAttribute("imported", this.events.importFile(this.scopes.current(),
					(file != null && !file.isEmpty()) ? file.getBytes() : null));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errors", FormErrors.messages(ex));
		}
		return "redirect:/access-events";
	}

}
