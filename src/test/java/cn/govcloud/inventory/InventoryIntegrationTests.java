package cn.govcloud.inventory;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.GovCloudIntegrationTest;
import cn.govcloud.Scenarios;
import cn.govcloud.Scenarios.Approved;
import cn.govcloud.TestClient;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Provisioning through the API (Art. 4): a filed contract opens a work order, the
 * supplier records instances within the approval, the unit accepts, the inventory and the
 * consistency check agree.
 */
@GovCloudIntegrationTest
class InventoryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkOrders orders;

	@Autowired
	Inventory inventory;

	@Autowired
	DataScopes scopes;

	@Autowired
	Instances instances;

	@Autowired
	javax.sql.DataSource dataSource;

	UUID supplier;

	TestClient operator;

	@BeforeEach
	void demoSupplier() {
		this.supplier = this.jdbc.sql("SELECT id FROM organization WHERE kind = 'SUPPLIER' AND name = '宜兴政务云服务有限公司'")
			.query(UUID.class)
			.single();
		this.operator = TestClient.signedIn(this.port, "operator");
	}

	@Test
	void recordedWithinTheApprovalAcceptedAndInTheInventory() {
		Order order = filedOrder();
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM notification WHERE code = 'notice.workOrder.opened' " + "AND link = :link")
			.param("link", "/work-orders/" + order.id)
			.query(Long.class)
			.single()).isPositive();
		assertThat(this.operator.getJson("/api/v1/work-orders?status=OPEN").body()).contains(order.id);
		assertThat((Integer) JsonPath.read(order.body, "$.lines[0].allowed")).isEqualTo(2);
		String ip = Scenarios.ip();
		assertThat(record(order, Scenarios.host(8, ip)).statusCode()).isEqualTo(201);
		assertThat(record(order, Scenarios.host(4, Scenarios.ip())).statusCode()).isEqualTo(201);
		HttpResponse<String> third = record(order, Scenarios.host(8, Scenarios.ip()));
		assertThat(third.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(third.body(), "$.detail")).contains("2");
		assertThat(this.operator.postJson("/api/v1/work-orders/" + order.id + "/complete", "{}").statusCode())
			.isEqualTo(200);
		HttpResponse<String> accepted = order.unit.postJson("/api/v1/work-orders/" + order.id + "/accept", "{}");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(accepted.body(), "$.status")).isEqualTo("ACCEPTED");
		String listed = order.unit.getJson("/api/v1/inventory/instances?systemId=" + order.systemId).body();
		assertThat((Integer) JsonPath.read(listed, "$.total")).isEqualTo(2);
		List<String> states = JsonPath.read(listed, "$.items[*].state");
		assertThat(states).containsOnly("ACTIVE");
		List<String> from = JsonPath.read(listed, "$.items[*].activeFrom");
		assertThat(from).containsOnly(CityTime.today().toString());
		String byIp = order.unit.getJson("/api/v1/inventory/instances?q=" + ip).body();
		assertThat((Integer) JsonPath.read(byIp, "$.total")).isEqualTo(1);
		String systems = order.unit.getJson("/api/v1/inventory/systems?systemId=" + order.systemId).body();
		assertThat((Integer) JsonPath.read(systems, "$[0].approved")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(systems, "$[0].contracted")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(systems, "$[0].provisioned")).isEqualTo(2);
		Approved notContracted = Scenarios.approvedHosts(this.port, "unitadmin", 3, 16, false);
		String waiting = order.unit.getJson("/api/v1/inventory/systems?systemId=" + notContracted.systemId()).body();
		assertThat((Integer) JsonPath.read(waiting, "$[0].approved")).isEqualTo(3);
		assertThat((Integer) JsonPath.read(waiting, "$[0].contracted")).isZero();
		assertThat((Integer) JsonPath.read(waiting, "$[0].provisioned")).isZero();
		HttpResponse<String> consistency = TestClient.signedIn(this.port, "reviewer")
			.getJson("/api/v1/inventory/consistency");
		assertThat(consistency.statusCode()).isEqualTo(200);
		assertThat(consistency.body()).isEqualTo("[]");
	}

	@Test
	void badInstancesAreRefusedNamingTheFieldAndNothingIsSaved() {
		Order order = filedOrder();
		HttpResponse<String> bigger = record(order, Scenarios.host(16, Scenarios.ip()));
		assertThat(bigger.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(bigger.body(), "$.errors[0].field")).isEqualTo("spec.vcpu");
		assertThat((String) JsonPath.read(bigger.body(), "$.errors[0].message")).contains("16").contains("8");
		HttpResponse<String> badIp = record(order, Scenarios.host(8, "10.0.0.256"));
		assertThat((String) JsonPath.read(badIp.body(), "$.errors[0].field")).isEqualTo("ipAddresses[0]");
		String ip = "fd00::" + Integer.toHexString((int) (Math.random() * 0xffff));
		String first = Scenarios.host(8, ip);
		assertThat(record(order, first).statusCode()).isEqualTo(201);
		HttpResponse<String> sameCloudId = record(order, first.replace(ip, Scenarios.ip()));
		assertThat(sameCloudId.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(sameCloudId.body(), "$.errors[0].field")).isEqualTo("cloudInstanceId");
		HttpResponse<String> sameIp = record(order, Scenarios.host(8, ip.toUpperCase()));
		assertThat(sameIp.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(sameIp.body(), "$.errors[0].field")).isEqualTo("ipAddresses[0]");
		HttpResponse<String> early = order.unit.postJson("/api/v1/work-orders/" + order.id + "/accept", "{}");
		assertThat(early.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(early.body(), "$.errors[0].field")).isEqualTo("status");
		assertThat(this.jdbc.sql("SELECT count(*) FROM instance WHERE work_order_id = :id")
			.param("id", UUID.fromString(order.id))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT status FROM work_order WHERE id = :id")
			.param("id", UUID.fromString(order.id))
			.query(String.class)
			.single()).isEqualTo("OPEN");
	}

	@Test
	void aRejectionNeedsAReasonAndReopensTheOrderForTheSupplier() {
		Order order = filedOrder();
		HttpResponse<String> recorded = record(order, Scenarios.host(8, Scenarios.ip()));
		String instance = JsonPath.read(recorded.body(), "$.id");
		this.operator.postJson("/api/v1/work-orders/" + order.id + "/complete", "{}");
		HttpResponse<String> locked = this.operator.putJson("/api/v1/work-orders/instances/" + instance,
				Scenarios.host(8, Scenarios.ip()));
		assertThat(locked.statusCode()).isEqualTo(409);
		HttpResponse<String> noReason = order.unit.postJson("/api/v1/work-orders/" + order.id + "/reject",
				"{\"reason\":\" \"}");
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(noReason.body(), "$.errors[0].field")).isEqualTo("reason");
		HttpResponse<String> rejected = order.unit.postJson("/api/v1/work-orders/" + order.id + "/reject",
				"{\"reason\":\"IP 地址与申请不符\"}");
		assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(rejected.body(), "$.status")).isEqualTo("OPEN");
		assertThat((String) JsonPath.read(rejected.body(), "$.rejectReason")).isEqualTo("IP 地址与申请不符");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM notification WHERE code = 'notice.workOrder.rejected' " + "AND link = :link")
			.param("link", "/work-orders/" + order.id)
			.query(Long.class)
			.single()).isPositive();
		HttpResponse<String> edited = this.operator.putJson("/api/v1/work-orders/instances/" + instance,
				Scenarios.host(8, "fd00::1:" + Integer.toHexString((int) (Math.random() * 0xffff))));
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(edited.body(), "$.ipAddresses[0]")).startsWith("fd00::1:");
		assertThat(this.operator.delete("/api/v1/work-orders/instances/" + instance).statusCode()).isEqualTo(204);
		HttpResponse<String> empty = this.operator.postJson("/api/v1/work-orders/" + order.id + "/complete", "{}");
		assertThat((String) JsonPath.read(empty.body(), "$.errors[0].field")).isEqualTo("lines");
	}

	@Test
	void ofAnAcceptanceAndARejectionAtOnceOneWins() throws Exception {
		Order order = filedOrder();
		record(order, Scenarios.host(8, Scenarios.ip()));
		this.operator.postJson("/api/v1/work-orders/" + order.id + "/complete", "{}");
		List<TestClient> units = List.of(TestClient.signedIn(this.port, "unitadmin"),
				TestClient.signedIn(this.port, "unitadmin"));
		String path = "/api/v1/work-orders/" + order.id;
		String reason = "{\"reason\":\"IP 不对\"}";
		List<Integer> codes = TestClient
			.race(() -> units.get(0).postJson(path + "/accept", reason),
					() -> units.get(1).postJson(path + "/reject", reason))
			.stream()
			.map(HttpResponse::statusCode)
			.toList();
		assertThat(codes).containsOnlyOnce(200);
		String status = this.jdbc.sql("SELECT status FROM work_order WHERE id = :id")
			.param("id", UUID.fromString(order.id))
			.query(String.class)
			.single();
		long active = this.jdbc.sql("SELECT count(*) FROM instance WHERE work_order_id = :id AND state = 'ACTIVE'")
			.param("id", UUID.fromString(order.id))
			.query(Long.class)
			.single();
		assertThat(active).isEqualTo(status.equals("ACCEPTED") ? 1 : 0);
	}

	@Test
	void ofTwoOperatorsRecordingTheLinesLastPlaceAtOnceOneWinsAndTheOtherIsToldItIsFull() throws Exception {
		Order order = filedOrder();
		assertThat(record(order, Scenarios.host(8, Scenarios.ip())).statusCode()).isEqualTo(201);
		TestClient other = TestClient.signedIn(this.port, "operator");
		String path = "/api/v1/work-orders/" + order.id + "/lines/" + order.lineId + "/instances";
		String first = Scenarios.host(8, Scenarios.ip());
		String second = Scenarios.host(8, Scenarios.ip());
		List<HttpResponse<String>> answers = TestClient.race(() -> this.operator.postJson(path, first),
				() -> other.postJson(path, second));
		assertThat(answers.stream().map(HttpResponse::statusCode).toList()).containsExactlyInAnyOrder(201, 409);
		HttpResponse<String> refused = answers.stream().filter((a) -> a.statusCode() == 409).findFirst().orElseThrow();
		assertThat((String) JsonPath.read(refused.body(), "$.detail")).contains("2");
		long recorded = this.jdbc.sql("SELECT count(*) FROM instance WHERE work_order_id = :id")
			.param("id", UUID.fromString(order.id))
			.query(Long.class)
			.single();
		assertThat(recorded).isEqualTo(2);
	}

	@Test
	void otherUnitsAndSuppliersSeeNothingAndUnitsRecordNothing() {
		Order order = filedOrder();
		HttpResponse<String> recorded = record(order, Scenarios.host(8, Scenarios.ip()));
		String instance = JsonPath.read(recorded.body(), "$.id");
		TestClient other = TestClient.signedIn(this.port, "unitadmin2");
		HttpResponse<String> theirs = other.getJson("/api/v1/work-orders/" + order.id);
		HttpResponse<String> random = other.getJson("/api/v1/work-orders/" + UUID.randomUUID());
		assertThat(theirs.statusCode()).isEqualTo(404);
		assertThat(random.statusCode()).isEqualTo(404);
		assertThat(other.getJson("/api/v1/inventory/instances?q=" + instance).body()).doesNotContain(instance);
		assertThat(other.getJson("/api/v1/work-orders").body()).doesNotContain(order.id);
		HttpResponse<String> byUnit = order.unit.postJson(
				"/api/v1/work-orders/" + order.id + "/lines/" + order.lineId + "/instances",
				Scenarios.host(8, Scenarios.ip()));
		assertThat(byUnit.statusCode()).isEqualTo(403);
		assertThat(order.unit.delete("/api/v1/work-orders/instances/" + instance).statusCode()).isEqualTo(403);
		DataScope anotherSupplier = anotherSupplier();
		assertThatThrownBy(() -> this.orders.find(anotherSupplier, UUID.fromString(order.id)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.orders.remove(anotherSupplier, UUID.fromString(instance)))
			.isInstanceOf(NotFoundException.class);
		assertThat(this.inventory.search(anotherSupplier, new InventoryFilter(null, null, null), 0, 20).total())
			.isZero();
	}

	@Test
	void theConsistencyCheckNamesAContractLineAboveWhatWasApproved() {
		Order order = filedOrder();
		Map<String, Object> line = this.jdbc.sql("""
				SELECT c.id, c.number, cl.position, cl.kind_code, cl.dimension, cl.quantity, cl.approved_quantity
				FROM work_order w JOIN contract c ON c.id = w.contract_id
				JOIN contract_line cl ON cl.contract_id = c.id AND cl.version = c.version
				WHERE w.id = :order ORDER BY cl.position LIMIT 1
				""").param("order", UUID.fromString(order.id)).query().singleRow();
		long over = ((Number) line.get("approved_quantity")).longValue() + 1;
		setQuantity(line, over);
		try {
			String found = TestClient.signedIn(this.port, "reviewer").getJson("/api/v1/inventory/consistency").body();
			List<String> details = JsonPath.read(found, "$[?(@.rule=='CONTRACTED_OVER_APPROVED' && @.subject=='"
					+ line.get("number") + " " + line.get("kind_code") + "." + line.get("dimension") + "')].detail");
			assertThat(details).containsExactly("contracted " + over + " > approved " + line.get("approved_quantity"));
		}
		finally {
			setQuantity(line, ((Number) line.get("quantity")).longValue());
		}
		assertThat(TestClient.signedIn(this.port, "reviewer").getJson("/api/v1/inventory/consistency").body())
			.doesNotContain("CONTRACTED_OVER_APPROVED");
	}

	private void setQuantity(Map<String, Object> line, long quantity) {
		this.jdbc.sql("""
				UPDATE contract_line SET quantity = :quantity
				WHERE contract_id = :contract AND position = :position
				  AND version = (SELECT version FROM contract WHERE id = :contract)
				""")
			.param("quantity", quantity)
			.param("contract", line.get("id"))
			.param("position", line.get("position"))
			.update();
	}

	@Test
	void theConsistencyCheckNamesPlantedViolations() {
		Order order = filedOrder();
		record(order, Scenarios.host(8, Scenarios.ip()));
		record(order, Scenarios.host(8, Scenarios.ip()));
		this.operator.postJson("/api/v1/work-orders/" + order.id + "/complete", "{}");
		order.unit.postJson("/api/v1/work-orders/" + order.id + "/accept", "{}");
		String stray = "i-stray-" + UUID.randomUUID().toString().substring(0, 8);
		UUID strayId = plant(null, stray);
		UUID extraId = plant(UUID.fromString(order.lineId), "i-extra-" + UUID.randomUUID().toString().substring(0, 8));
		try {
			String found = TestClient.signedIn(this.port, "reviewer").getJson("/api/v1/inventory/consistency").body();
			List<String> strayRules = JsonPath.read(found, "$[?(@.subject=='" + stray + "')].rule");
			assertThat(strayRules).containsExactly("ACTIVE_WITHOUT_CONTRACT_LINE");
			List<String> over = JsonPath.read(found,
					"$[?(@.systemId=='" + order.systemId + "' && @.rule=='PROVISIONED_OVER_CONTRACTED')].detail");
			assertThat(over).singleElement().asString().contains("3").contains("2");
			String page = TestClient.signedIn(this.port, "reviewer").get("/inventory/consistency").body();
			assertThat(page).contains(stray).contains("在用实例没有已备案的合同行").contains("已开通多于合同");
		}
		finally {
			this.jdbc.sql("DELETE FROM instance WHERE id IN (:ids)").param("ids", List.of(strayId, extraId)).update();
		}
		assertThat(TestClient.signedIn(this.port, "reviewer").getJson("/api/v1/inventory/consistency").body())
			.isEqualTo("[]");
		assertThat(TestClient.signedIn(this.port, "reviewer").get("/inventory/consistency").body())
			.contains("consistency-ok");
		assertThat(order.unit.get("/inventory/consistency").statusCode()).isEqualTo(403);
	}

	@Test
	void pagesLetTheSupplierRecordAndTheUnitAccept() {
		Order order = filedOrder();
		String page = "/work-orders/" + order.id;
		assertThat(this.operator.get("/work-orders").body()).contains(order.id);
		HttpResponse<String> detail = this.operator.get(page);
		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.body()).contains("record-0").contains("spec.vcpu");
		String ip = Scenarios.ip();
		java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
		form.put("name", "web-page");
		form.put("cloudInstanceId", "i-page-" + UUID.randomUUID());
		form.put("ipAddresses", ip + ", 10.0.0.999");
		form.put("zone", "宜兴一区");
		form.put("spec.vcpu", "8");
		form.put("spec.memoryGib", "32");
		form.put("spec.systemDiskGib", "100");
		form.put("spec.os", "麒麟 Kylin");
		HttpResponse<String> refused = this.operator.postForm(page + "/lines/" + order.lineId + "/instances", form);
		assertThat(refused.body()).contains("10.0.0.999").contains("class=\"errors\"");
		form.put("ipAddresses", ip);
		HttpResponse<String> recorded = this.operator.postForm(page + "/lines/" + order.lineId + "/instances", form);
		assertThat(recorded.statusCode()).isEqualTo(302);
		assertThat(this.operator.get(page).body()).contains("web-page").contains(ip);
		assertThat(this.operator.postForm(page + "/complete", java.util.Map.of()).statusCode()).isEqualTo(302);
		assertThat(order.unit.get(page).body()).contains("accept-order");
		assertThat(order.unit.postForm(page + "/accept", java.util.Map.of()).statusCode()).isEqualTo(302);
		assertThat(order.unit.get("/inventory?q=" + ip).body()).contains("web-page")
			.contains(CityTime.today().toString());
	}

	private UUID plant(UUID lineId, String cloudId) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					INSERT INTO instance (id, work_order_id, order_line_id, unit_id, supplier_id, system_id, kind_code, name,
					                      cloud_instance_id, spec, zone, state, active_from, created_at)
					SELECT :id, CASE WHEN CAST(:line AS uuid) IS NULL THEN NULL ELSE work_order_id END,
					       CAST(:line AS uuid), unit_id, supplier_id, system_id, kind_code, 'planted', :cloudId, spec, zone,
					       'ACTIVE', :from, now()
					FROM instance WHERE supplier_id = :supplier ORDER BY created_at DESC LIMIT 1
					""")
			.param("id", id)
			.param("line", lineId)
			.param("cloudId", cloudId)
			.param("from", java.sql.Date.valueOf(LocalDate.now()))
			.param("supplier", this.supplier)
			.update();
		return id;
	}

	@Test
	void theInventoryPageBoundsTheCitysLinesToTheFirstSystemsByName() {
		filedOrder();
		filedOrder();
		DataScope commission = this.scopes.of(new GovCloudPrincipal(UUID.randomUUID(), "manager", "管理员",
				this.jdbc.sql("SELECT id FROM organization WHERE kind = 'COMMISSION'").query(UUID.class).single(),
				"大数据管理委员会", OrganizationKind.COMMISSION, Set.of(Role.COMMISSION_MANAGER), false));
		List<UUID> byName = this.jdbc.sql("""
				SELECT w.system_id FROM work_order w JOIN application_system s ON s.id = w.system_id
				GROUP BY w.system_id, s.name ORDER BY s.name, w.system_id""").query(UUID.class).list();
		assertThat(byName).hasSizeGreaterThanOrEqualTo(2);

		Inventory.SystemLines first = this.inventory.firstSystems(commission, 1);
		assertThat(first.more()).isTrue();
		assertThat(first.lines()).isNotEmpty()
			.allSatisfy((line) -> assertThat(line.systemId()).isEqualTo(byName.get(0)));
		assertThat(first.lines()).isEqualTo(this.inventory.bySystem(commission, byName.get(0)));

		Inventory.SystemLines all = this.inventory.firstSystems(commission, byName.size());
		assertThat(all.more()).isFalse();
		assertThat(all.lines()).isEqualTo(this.inventory.bySystem(commission, null));
		assertThat(TestClient.signedIn(this.port, "manager").get("/inventory").body()).contains("inventory-systems");
	}

	@Test
	void aFingerprintFollowsEveryCommittedChangeOfItsSetEvenOneInFlightWhenItWasRead() throws Exception {
		Order order = filedOrder();
		HttpResponse<String> recorded = record(order, Scenarios.host(8, Scenarios.ip()));
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
		UUID instance = UUID.fromString(JsonPath.read(recorded.body(), "$.id"));
		UUID system = UUID.fromString(order.systemId);
		UUID unit = this.jdbc.sql("SELECT unit_id FROM instance WHERE id = :id")
			.param("id", instance)
			.query(UUID.class)
			.single();
		DataScope commission = this.scopes.of(new GovCloudPrincipal(UUID.randomUUID(), "manager", "管理员",
				this.jdbc.sql("SELECT id FROM organization WHERE kind = 'COMMISSION'").query(UUID.class).single(),
				"大数据管理委员会", OrganizationKind.COMMISSION, Set.of(Role.COMMISSION_MANAGER), false));
		Instances.Fingerprint one = this.instances.fingerprint(commission, null, system);
		assertThat(one.count()).isEqualTo(1);
		assertThat(this.instances.fingerprint(commission, null, system)).isEqualTo(one);

		UUID copy = UUID.randomUUID();
		try (java.sql.Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (java.sql.PreparedStatement insert = other.prepareStatement("""
					INSERT INTO instance SELECT (jsonb_populate_record(NULL::instance, to_jsonb(i)
					    || jsonb_build_object('id', ?::uuid, 'name', 'copy-' || i.name,
					                          'cloud_instance_id', 'copy-' || i.cloud_instance_id))).*
					FROM instance i WHERE i.id = ?""")) {
				insert.setObject(1, copy);
				insert.setObject(2, instance);
				assertThat(insert.executeUpdate()).isEqualTo(1);
			}
			// not committed: neither the kept fingerprint nor one read now (under another
			// key, while the change is in flight) holds it
			assertThat(this.instances.fingerprint(commission, null, system)).isEqualTo(one);
			assertThat(this.instances.fingerprint(commission, unit, system)).isEqualTo(one);
			other.commit();
		}
		Instances.Fingerprint two = this.instances.fingerprint(commission, null, system);
		assertThat(two.count()).isEqualTo(2);
		assertThat(two.digest()).isNotEqualTo(one.digest());
		assertThat(this.instances.fingerprint(commission, unit, system)).isEqualTo(two);

		this.jdbc.sql("DELETE FROM instance WHERE id = :id").param("id", copy).update();
		assertThat(this.instances.fingerprint(commission, null, system)).isEqualTo(one);
		assertThat(this.instances.fingerprint(commission, unit, system)).isEqualTo(one);
	}

	private DataScope anotherSupplier() {
		UUID org = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO organization (id, kind, name, created_at) VALUES (:id, 'SUPPLIER', :name, now())")
			.param("id", org)
			.param("name", "另一供应商 " + org.toString().substring(0, 8))
			.update();
		return this.scopes.of(new GovCloudPrincipal(UUID.randomUUID(), "other-operator", "其他运维", org, "另一供应商",
				OrganizationKind.SUPPLIER, Set.of(Role.SUPPLIER_OPERATOR), false));
	}

	private HttpResponse<String> record(Order order, String json) {
		return this.operator.postJson("/api/v1/work-orders/" + order.id + "/lines/" + order.lineId + "/instances",
				json);
	}

	/** Approved, contracted with the demo supplier, signed, submitted and filed. */
	private Order filedOrder() {
		Approved approved = Scenarios.approvedHosts(this.port, "unitadmin", 2, 32, false);
		String contract = Scenarios.filedContract(this.port, approved, this.supplier);
		UUID orderId = Scenarios.awaitWorkOrder(this.jdbc, UUID.fromString(contract));
		HttpResponse<String> order = this.operator.getJson("/api/v1/work-orders/" + orderId);
		assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
		return new Order(orderId.toString(), JsonPath.read(order.body(), "$.lines[0].id"), approved.systemId(),
				approved.unit(), order.body());
	}

	private record Order(String id, String lineId, String systemId, TestClient unit, String body) {
	}

}
