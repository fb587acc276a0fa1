package cn.govcloud.inventory;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.web.bind.annotation.RequestHeader;
import cn.govcloud.catalogue.ResourceKind;
import cn.govcloud.catalogue.ResourceKinds;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.shared.web.PageMessages;
import cn.govcloud.shared.web.PostRedirect;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supplier's work-order queue and the order's page, where the supplier records
 * instances and the unit accepts or rejects, or the supplier reclaims or resizes
 * instances.
 */
@Controller
@RequestMapping("/work-orders")
class WorkOrderController {

	private final WorkOrders orders;

	private final DataScopes scopes;

	private final ResourceKinds kinds;

	private final PageMessages messages;

	private final Reclaims reclaims;

	private final PostRedirect post;

	private final ResizeOrders resizes;

	WorkOrderController(WorkOrders orders, DataScopes scopes, ResourceKinds kinds, PageMessages messages,
			Reclaims reclaims, PostRedirect post, ResizeOrders resizes) {
		this.post = post;
		this.resizes = resizes;
		this.orders = orders;
		this.reclaims = reclaims;
		this.scopes = scopes;
		this.kinds = kinds;
		this.messages = messages;
	}

	@GetMapping
	@Allowed(Permission.READ_CONTRACTS_AND_INVENTORY)
	String list(@RequestParam(required = false) WorkOrderStatus status, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("statuses", WorkOrderStatus.values());
		model.addAttribute("status", status);
		PageLinks.list(model, "/work-orders", Map.of("status", (status != null) ? status.name() : ""),
				this.orders.search(this.scopes.current(), status, sort, page, 20));
		return (htmx != null) ? "inventory/work-orders :: result" : "inventory/work-orders";
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_CONTRACTS_AND_INVENTORY)
	String show(@PathVariable UUID id, Model model) {
		return detail(model, id, null, null);
	}

	@PostMapping("/{id}/lines/{lineId}/instances")
	@Allowed(Permission.PROVISION)
	String record(@PathVariable UUID id, @PathVariable UUID lineId, @RequestParam MultiValueMap<String, String> form,
			Model model, RedirectAttributes redirect) {
		try {
			this.orders.record(this.scopes.current(), id, lineId, instance(form));
		}
		catch (InvalidInputException ex) {
			return detail(model, id, lineId, ex);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("conflict", this.messages.of(ex));
		}
		return "redirect:/work-orders/" + id;
	}

	@PostMapping("/{id}/instances/{instanceId}/remove")
	@Allowed(Permission.PROVISION)
	String remove(@PathVariable UUID id, @PathVariable UUID instanceId, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.orders.remove(this.scopes.current(), instanceId));
	}

	/** The supplier reclaims an instance of a reclaim order on its date (Art. 9). */
	@PostMapping("/{id}/instances/{instanceId}/reclaim")
	@Allowed(Permission.PROVISION)
	String reclaim(@PathVariable UUID id, @PathVariable UUID instanceId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reclaimedOn,
			Model model, RedirectAttributes redirect) {
		try {
			return act(id, redirect,
					() -> this.reclaims.reclaim(this.scopes.current(), instanceId, new ReclaimForm(reclaimedOn)));
		}
		catch (InvalidInputException ex) {
			return detail(model, id, null, ex);
		}
	}

	/** The supplier has resized the instances of a resize order (Art. 8). */
	@PostMapping("/{id}/resized")
	@Allowed(Permission.PROVISION)
	String resized(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, redirect, () -> this.resizes.resized(this.scopes.current(), id));
	}

	@PostMapping("/{id}/complete")
	@Allowed(Permission.PROVISION)
	String complete(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		try {
			return act(id, redirect, () -> this.orders.complete(this.scopes.current(), id));
		}
		catch (InvalidInputException ex) {
			return detail(model, id, null, ex);
		}
	}

	@PostMapping("/{id}/accept")
	@Allowed(Permission.ACCEPT_DELIVERY)
	String accept(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
		try {
			return act(id, redirect, () -> this.orders.accept(this.scopes.current(), id));
		}
		catch (InvalidInputException ex) {
			return detail(model, id, null, ex);
		}
	}

	@PostMapping("/{id}/reject")
	@Allowed(Permission.ACCEPT_DELIVERY)
	String reject(@PathVariable UUID id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		try {
			return act(id, redirect, () -> this.orders.reject(this.scopes.current(), id, new RejectForm(reason)));
		}
		catch (InvalidInputException ex) {
			return detail(model, id, null, ex);
		}
	}

	private String act(UUID id, RedirectAttributes redirect, Runnable action) {
		return this.post.after("/work-orders/" + id, redirect, action);
	}

	private String detail(Model model, UUID id, UUID failedLine, InvalidInputException problems) {
		WorkOrder order = this.orders.find(this.scopes.current(), id);
		model.addAttribute("order", order);
		model.addAttribute("resizeTo", (order.kind() == WorkOrderKind.RESIZE) ? this.resizes.newSpecs(id) : Map.of());
		model.addAttribute("failedLine", failedLine);
		model.addAttribute("cityToday", cn.govcloud.shared.CityTime.today());
		model.addAttribute("fieldErrors", this.messages.of(problems));
		model.addAttribute("kinds",
				this.kinds.all().stream().collect(Collectors.toMap(ResourceKind::code, Function.identity())));
		return "inventory/work-order";
	}

	/**
	 * Spec fields come as {@code spec.<name>}; addresses separated by commas or spaces.
	 */
	static InstanceForm instance(MultiValueMap<String, String> form) {
		Map<String, Object> spec = new LinkedHashMap<>();
		form.forEach((key, values) -> {
			if (key.startsWith("spec.") && !values.isEmpty()) {
				spec.put(key.substring("spec.".length()), values.get(0));
			}
		});
		String addresses = form.getFirst("ipAddresses");
		List<String> ips = (addresses != null)
				? Arrays.stream(addresses.split("[,，\\s]+")).filter((a) -> !a.isBlank()).toList() : List.of();
		return new InstanceForm(form.getFirst("name"), ips, form.getFirst("cloudInstanceId"), spec,
				form.getFirst("zone"));
	}

}
