package cn.govcloud.termination;

import cn.govcloud.inventory.Inventory;
import cn.govcloud.inventory.InventoryFilter;
import cn.govcloud.inventory.InstanceState;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.web.PageMessages;
import cn.govcloud.systems.ApplicationSystems;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The termination form with what the unit needs to fill it in: the system's active
 * instances and its open resource applications.
 */
@Component
class TerminationFormPage {

	private final ApplicationSystems systems;

	private final Inventory inventory;

	private final Terminations terminations;

	private final DataScopes scopes;

	private final PageMessages messages;

	TerminationFormPage(ApplicationSystems systems, Inventory inventory, Terminations terminations, DataScopes scopes,
			PageMessages messages) {
		this.systems = systems;
		this.inventory = inventory;
		this.terminations = terminations;
		this.scopes = scopes;
		this.messages = messages;
	}

	String show(Model model, TerminationForm form, InvalidInputException problems) {
		DataScope scope = this.scopes.current();
		model.addAttribute("system", this.systems.findWritable(scope, form.systemId()));
		model.addAttribute("instances",
				this.inventory.search(scope, new InventoryFilter(null, InstanceState.ACTIVE, form.systemId()), 0, 200)
					.items());
		model.addAttribute("openApps", this.terminations.openApplications(scope, form.systemId()));
		model.addAttribute("terminationForm", form);
		model.addAttribute("handlings", DataHandling.values());
		model.addAttribute("openChoices", OpenApplications.values());
		model.addAttribute("fieldErrors", this.messages.of(problems));
		return "termination/form";
	}

}
