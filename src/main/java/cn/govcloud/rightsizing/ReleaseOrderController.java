package cn.govcloud.rightsizing;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FileDownloads;
import cn.govcloud.shared.web.FormErrors;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.shared.web.PostRedirect;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Release orders' pages (Art. 8): the Commission issues one from chosen recommendations
 * and decides on objections; the unit accepts or objects with a reason and a document.
 */
@Controller
@RequestMapping("/rightsizing/orders")
class ReleaseOrderController {

	private final ReleaseOrders orders;

	private final ReleaseOrderDecisions decisions;

	private final DataScopes scopes;

	private final PostRedirect post;

	ReleaseOrderController(ReleaseOrders orders, ReleaseOrderDecisions decisions, DataScopes scopes,
			PostRedirect post) {
		this.orders = orders;
		this.decisions = decisions;
		this.scopes = scopes;
		this.post = post;
	}

	@GetMapping
	@Allowed(Permission.READ_RIGHTSIZING)
	String list(@RequestParam(required = false) OrderStatus status, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("status", status);
		model.addAttribute("statuses", OrderStatus.values());
		PageLinks.list(model, "/rightsizing/orders", Map.of("status", (status != null) ? status : ""),
				this.orders.search(this.scopes.current(), status, sort, page, 20));
		return (htmx != null) ? "rightsizing/orders :: result" : "rightsizing/orders";
	}

	@PostMapping
	@Allowed(Permission.MANAGE_RIGHTSIZING)
	String issue(@RequestParam(required = false) List<UUID> recommendationIds, RedirectAttributes redirect) {
		try {
			return "redirect:/rightsizing/orders/" + this.orders.issue(this.scopes.current(), recommendationIds).id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errors", FormErrors.messages(ex));
			return "redirect:/rightsizing";
		}
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_RIGHTSIZING)
	String show(@PathVariable UUID id, Model model) {
		DataScope scope = this.scopes.current();
		ReleaseOrder order = this.orders.find(scope, id);
		model.addAttribute("o", order);
		model.addAttribute("unitSide", scope.principal().may(Permission.ANSWER_RELEASE_ORDERS)
				&& order.unitId().equals(scope.principal().organizationId()));
		model.addAttribute("saving", order.monthlySaving());
		List<CarriedOut> carried = this.orders.carriedOut(order);
		model.addAttribute("carriedOut", carried);
		model.addAttribute("realised",
				carried.stream()
					.map(CarriedOut::monthlySaving)
					.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
		return "rightsizing/order";
	}

	@GetMapping("/{id}/document")
	@Allowed(Permission.READ_RIGHTSIZING)
	ResponseEntity<byte[]> document(@PathVariable UUID id) {
		ReleaseOrder order = this.orders.find(this.scopes.current(), id);
		byte[] content = this.decisions.document(order);
		return FileDownloads.of(order.documentName(), MediaType.APPLICATION_OCTET_STREAM, content);
	}

	@PostMapping("/{id}/accept")
	@Allowed(Permission.ANSWER_RELEASE_ORDERS)
	String accept(@PathVariable UUID id, RedirectAttributes redirect) {
		return this.post.after("/rightsizing/orders/" + id, redirect,
				() -> this.decisions.accept(this.scopes.current(), id));
	}

	@PostMapping("/{id}/object")
	@Allowed(Permission.ANSWER_RELEASE_ORDERS)
	String object(@PathVariable UUID id, @RequestParam(required = false) String reason,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		String name = (file != null && !file.isEmpty()) ? file.getOriginalFilename() : null;
		byte[] content = (file != null && !file.isEmpty()) ? file.getBytes() : null;
		return this.post.after("/rightsizing/orders/" + id, redirect,
				() -> this.decisions.object(this.scopes.current(), id, reason, name, content));
	}

	@PostMapping("/{id}/decide")
	@Allowed(Permission.MANAGE_RIGHTSIZING)
	String decide(@PathVariable UUID id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String reason, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		return this.post.after("/rightsizing/orders/" + id, redirect, () -> this.decisions.decide(this.scopes.current(),
				id, decision(decision), reason, modifications(form)));
	}

	private static OrderStatus decision(String value) {
		for (OrderStatus status : List.of(OrderStatus.UPHELD, OrderStatus.MODIFIED, OrderStatus.WITHDRAWN)) {
			if (status.name().equals(value)) {
				return status;
			}
		}
		throw InvalidInputException.of("decision", "rightsizing.decision.invalid");
	}

	/**
	 * Fields {@code vcpu_2}, {@code memoryGib_2}: line 2's new sizes; blanks are left
	 * out.
	 */
	private static Map<Integer, Map<String, Long>> modifications(Map<String, String> form) {
		Map<Integer, Map<String, Long>> modified = new HashMap<>();
		form.forEach((name, value) -> {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("(vcpu|memoryGib)_(\\d{1,3})").matcher(name);
			if (m.matches() && value != null && !value.isBlank()) {
				modified.computeIfAbsent(Integer.valueOf(m.group(2)), (k) -> new HashMap<>())
					.put(m.group(1), number(name, value));
			}
		});
		return modified;
	}

	private static Long number(String field, String value) {
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw InvalidInputException.of(field, "error.field.range", 1, 4096);
		}
	}

}
