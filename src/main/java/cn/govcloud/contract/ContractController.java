package cn.govcloud.contract;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.RequestHeader;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.PageLinks;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A unit drafts, signs and submits its contracts; everyone party to one reads it. */
@Controller
@RequestMapping("/contracts")
class ContractController {

	private final Contracts contracts;

	private final ContractReader reader;

	private final DataScopes scopes;

	private final ContractPage page;

	ContractController(Contracts contracts, ContractReader reader, DataScopes scopes, ContractPage page) {
		this.contracts = contracts;
		this.reader = reader;
		this.scopes = scopes;
		this.page = page;
	}

	@GetMapping
	@Allowed(Permission.READ_CONTRACTS_AND_INVENTORY)
	String list(@RequestParam(required = false) ContractStatus status, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("statuses", ContractStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		PageLinks.list(model, "/contracts",
				Map.of("status", (status != null) ? status.name() : "", "q", (q != null) ? q : ""),
				this.reader.search(this.scopes.current(), status, q, sort, page, 20));
		return (htmx != null) ? "contract/list :: result" : "contract/list";
	}

	@GetMapping("/new")
	@Allowed(Permission.CONTRACT)
	String newForm(@RequestParam UUID applicationId, Model model) {
		ContractDraft empty = new ContractDraft(applicationId, null, null, null, null, java.util.List.of());
		return this.page.draft(model, empty, null, null);
	}

	/** The live check: the lines with their caps and problems, and the totals (htmx). */
	@PostMapping("/quote")
	@Allowed(Permission.CONTRACT)
	String quote(@RequestParam UUID applicationId, @RequestParam MultiValueMap<String, String> form, Model model) {
		return this.page.quote(model, ContractForms.draft(applicationId, form), form.containsKey("reprice"));
	}

	@PostMapping
	@Allowed(Permission.CONTRACT)
	String create(@RequestParam UUID applicationId, @RequestParam MultiValueMap<String, String> form, Model model) {
		ContractDraft draft = ContractForms.draft(applicationId, form);
		try {
			return "redirect:/contracts/" + this.contracts.draft(this.scopes.current(), draft);
		}
		catch (InvalidInputException ex) {
			return this.page.draft(model, draft, null, ex);
		}
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_CONTRACTS_AND_INVENTORY)
	String show(@PathVariable UUID id, Model model) {
		return this.page.detail(model, this.reader.find(this.scopes.current(), id), null);
	}

	@PostMapping("/{id}/sign")
	@Allowed(Permission.CONTRACT)
	String sign(@PathVariable UUID id, @RequestParam(required = false) String signedOn,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		DataScope scope = this.scopes.current();
		try {
			this.contracts.sign(scope, id, ContractForms.date(signedOn, "signedOn"),
					(file != null) ? file.getOriginalFilename() : null, (file != null) ? file.getBytes() : null);
		}
		catch (InvalidInputException ex) {
			return this.page.detail(model, this.reader.find(scope, id), ex);
		}
		catch (ConflictException ex) {
			this.page.conflict(redirect, ex);
		}
		return "redirect:/contracts/" + id;
	}

	@PostMapping("/{id}/submit")
	@Allowed(Permission.CONTRACT)
	String submit(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			this.contracts.submit(this.scopes.current(), id);
		}
		catch (ConflictException ex) {
			this.page.conflict(redirect, ex);
		}
		return "redirect:/contracts/" + id;
	}

}
