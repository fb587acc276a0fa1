package cn.govcloud.request;

import java.util.Map;

import cn.govcloud.catalogue.ResourceKinds;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.web.PageMessages;
import cn.govcloud.systems.ApplicationSystem;
import cn.govcloud.systems.ConstructionPlans;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The drafting page and its htmx fragments: the system, the plan versions to rely on, the
 * offered kinds with their spec fields, the lines, and each problem shown beside its
 * input.
 */
@Component
class DraftPage {

	private final ConstructionPlans plans;

	private final ResourceKinds kinds;

	private final ResourceApplications applications;

	private final DataScopes scopes;

	private final PageMessages text;

	DraftPage(ConstructionPlans plans, ResourceKinds kinds, ResourceApplications applications, DataScopes scopes,
			PageMessages text) {
		this.plans = plans;
		this.kinds = kinds;
		this.applications = applications;
		this.scopes = scopes;
		this.text = text;
	}

	String render(Model model, ApplicationSystem system, ResourceApplication application, ApplicationDraft draft,
			InvalidInputException problems) {
		model.addAttribute("system", system);
		model.addAttribute("resourceApp", application);
		model.addAttribute("draft", draft);
		model.addAttribute("lines", PageLines.of(draft));
		model.addAttribute("plans", this.plans.versions(this.scopes.current(), system.id()));
		offered(model);
		model.addAttribute("fieldErrors", this.text.of(problems));
		model.addAttribute("type",
				(application != null) ? application.type().name() : this.applications.typeFor(system.id()).name());
		return "request/form";
	}

	String line(Model model, int index, String type) {
		offered(model);
		model.addAttribute("index", clamp(index));
		model.addAttribute("line", PageLines.blank());
		model.addAttribute("type", type);
		model.addAttribute("fieldErrors", Map.of());
		return "request/lines :: line";
	}

	String spec(Model model, int index, String kind) {
		model.addAttribute("index", clamp(index));
		model.addAttribute("kind", (kind != null) ? this.kinds.find(kind).orElse(null) : null);
		model.addAttribute("line", PageLines.blank());
		model.addAttribute("fieldErrors", Map.of());
		return "request/lines :: spec";
	}

	private void offered(Model model) {
		java.util.List<cn.govcloud.catalogue.ResourceKind> offered = this.kinds.offered();
		model.addAttribute("kinds", offered);
		model.addAttribute("kindsByCode", offered.stream()
			.collect(java.util.stream.Collectors.toMap(cn.govcloud.catalogue.ResourceKind::code, (kind) -> kind)));
	}

	private static int clamp(int index) {
		return Math.max(0, Math.min(index, 999));
	}

}
