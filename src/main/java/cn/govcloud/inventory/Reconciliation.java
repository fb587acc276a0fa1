package cn.govcloud.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import cn.govcloud.inventory.ReconciliationReport.Difference;
import cn.govcloud.inventory.ReconciliationReport.Known;
import cn.govcloud.inventory.ReconciliationReport.Mismatch;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.OrganizationKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reconciles a supplier's own inventory list (cities moving from spreadsheets) with
 * GovCloud's instances of that supplier (PRODUCT C6). A supplier reconciles its own list;
 * the Commission names the supplier. The file is read whole or refused row by row, and
 * only the report comes back: nothing is stored.
 */
@Service
class Reconciliation {

	private final JdbcClient jdbc;

	private final WorkOrderRepository orders;

	private final Organizations organizations;

	Reconciliation(JdbcClient jdbc, WorkOrderRepository orders, Organizations organizations) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.organizations = organizations;
	}

	public ReconciliationReport reconcile(DataScope scope, UUID supplierId, String fileName, byte[] content) {
		UUID supplier = supplier(scope, supplierId);
		List<ListedInstance> listed = SupplierListFile.read(fileName, content);
		Map<String, Instance> known = new LinkedHashMap<>();
		for (Instance instance : known(supplier)) {
			known.put(instance.cloudInstanceId(), instance);
		}
		List<ListedInstance> onlyInList = new ArrayList<>();
		List<Mismatch> mismatched = new ArrayList<>();
		for (ListedInstance row : listed) {
			Instance instance = known.remove(row.cloudInstanceId());
			if (instance == null) {
				onlyInList.add(row);
				continue;
			}
			List<Difference> differences = differences(row, instance);
			if (!differences.isEmpty()) {
				mismatched.add(new Mismatch(row.row(), row.cloudInstanceId(), instance.name(), differences));
			}
		}
		List<Known> onlyInGovCloud = known.values()
			.stream()
			.map((i) -> new Known(i.id(), i.cloudInstanceId(), i.name(), i.systemName(), i.ipAddresses(), i.state()))
			.toList();
		return new ReconciliationReport(supplier, listed.size(), onlyInList, onlyInGovCloud, mismatched);
	}

	private UUID supplier(DataScope scope, UUID supplierId) {
		Optional<UUID> own = scope.supplierParty();
		if (own.isPresent()) {
			return own.get();
		}
		if (scope.principal().organizationKind() != OrganizationKind.COMMISSION || supplierId == null
				|| !this.organizations.isSupplier(supplierId)) {
			throw InvalidInputException.of("supplierId", "reconciliation.supplier.required");
		}
		return supplierId;
	}

	private List<Instance> known(UUID supplier) {
		return this.jdbc
			.sql(WorkOrderRepository.INSTANCE_SELECT
					+ " WHERE i.supplier_id = :supplier AND i.state <> 'RECLAIMED' ORDER BY i.cloud_instance_id")
			.param("supplier", supplier)
			.query(this.orders::mapInstance)
			.list();
	}

	private static List<Difference> differences(ListedInstance row, Instance instance) {
		List<Difference> differences = new ArrayList<>();
		compare("vcpu", row.vcpu(), instance.spec().get("vcpu"), differences);
		compare("memory_gib", row.memoryGib(), instance.spec().get("memoryGib"), differences);
		compare("disk_gib", row.diskGib(), instance.spec().get("systemDiskGib"), differences);
		TreeSet<String> listedIps = new TreeSet<>(row.ipAddresses());
		TreeSet<String> knownIps = new TreeSet<>(instance.ipAddresses());
		if (!listedIps.equals(knownIps)) {
			differences.add(new Difference("ip", String.join(";", listedIps), String.join(";", knownIps)));
		}
		return differences;
	}

	private static void compare(String field, int listed, Object known, List<Difference> differences) {
		String knownText = Objects.toString(known, "");
		if (!String.valueOf(listed).equals(knownText)) {
			differences.add(new Difference(field, String.valueOf(listed), knownText));
		}
	}

}
