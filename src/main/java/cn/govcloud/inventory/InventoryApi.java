package cn.govcloud.inventory;

import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FileDownloads;
import cn.govcloud.shared.web.ListParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inventory")
@Tag(name = "Inventory", description = "Every instance the city pays for; approved vs contracted vs provisioned; "
		+ "the consistency check (C6)")
class InventoryApi {

	private static final String SORT = ListParameters.SORT
			+ "name, systemName, cloudInstanceId, zone, state, activeFrom, reclaimedOn.";

	private final Inventory inventory;

	private final ConsistencyCheck consistency;

	private final DataScopes scopes;

	private final InventoryExport export;

	InventoryApi(Inventory inventory, ConsistencyCheck consistency, DataScopes scopes, InventoryExport export) {
		this.inventory = inventory;
		this.consistency = consistency;
		this.scopes = scopes;
		this.export = export;
	}

	@GetMapping("/instances")
	@Allowed(Permission.READ_CONTRACTS_AND_INVENTORY)
	@Operation(summary = "Instances in the caller's scope; q searches name, IP address and cloud instance id")
	Page<Instance> instances(@RequestParam(required = false) String q,
			@RequestParam(required = false) InstanceState state, @RequestParam(required = false) UUID systemId,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.inventory.search(this.scopes.current(), new InventoryFilter(q, state, systemId), sort, page, size);
	}

	@GetMapping("/instances.xlsx")
	@Allowed(Permission.READ_CONTRACTS_AND_INVENTORY)
	@Operation(summary = "The instances of the list (same filters and scope) as an Excel workbook")
	ResponseEntity<byte[]> instancesXlsx(@RequestParam(required = false) String q,
			@RequestParam(required = false) InstanceState state, @RequestParam(required = false) UUID systemId) {
		byte[] content = this.export.write(this.scopes.current(), new InventoryFilter(q, state, systemId));
		return FileDownloads.of("inventory.xlsx", FileDownloads.XLSX, content);
	}

	@GetMapping("/systems")
	@Allowed(Permission.READ_CONTRACTS_AND_INVENTORY)
	@Operation(summary = "Per system, kind and spec: approved vs contracted vs provisioned")
	List<SystemInventory> systems(@RequestParam(required = false) UUID systemId) {
		return this.inventory.bySystem(this.scopes.current(), systemId);
	}

	@GetMapping("/consistency")
	@Allowed(Permission.OVERSEE_CITY)
	@Operation(summary = "Every violation of: no active instance without a filed contract line; "
			+ "provisioned ≤ contracted ≤ approved. Empty on a healthy database")
	List<Violation> consistency() {
		return this.consistency.violations();
	}

}
