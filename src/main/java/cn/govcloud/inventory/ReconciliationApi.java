package cn.govcloud.inventory;

import java.io.IOException;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Inventory")
class ReconciliationApi {

	private final Reconciliation reconciliation;

	private final DataScopes scopes;

	ReconciliationApi(Reconciliation reconciliation, DataScopes scopes) {
		this.reconciliation = reconciliation;
		this.scopes = scopes;
	}

	@PostMapping(path = "/api/v1/inventory/reconciliation", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Allowed(Permission.RECONCILE)
	@Operation(summary = "Reconciles a supplier's own inventory list with GovCloud's; nothing is stored",
			description = "The file is CSV (UTF-8) with the header name,ip,cloud_instance_id,kind,vcpu,memory_gib,"
					+ "disk_gib,zone (several IP addresses separated by ';'), or an xlsx workbook whose first sheet "
					+ "has the same columns. A bad row is reported as rows[N].C and nothing is reconciled. "
					+ "A supplier reconciles its own list; the Commission gives supplierId.")
	ReconciliationReport reconcile(@RequestParam(required = false) UUID supplierId,
			@RequestPart("file") MultipartFile file) throws IOException {
		return this.reconciliation.reconcile(this.scopes.current(), supplierId, file.getOriginalFilename(),
				file.getBytes());
	}

}
