package cn.govcloud.load;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;

import static cn.govcloud.load.CityLoadSimulation.api;
import static cn.govcloud.load.CityLoadSimulation.page;
import static cn.govcloud.load.CityLoadSimulation.pageWithCharts;
import static cn.govcloud.load.CityLoadSimulation.think;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/** What each role does between opening dashboards and charts. */
final class Work {

	private Work() {
	}

	/** A random element of a JSON list saved as {@code as}, if the list has any. */
	private static ChainBuilder pick(String name, String path, String list, String as) {
		return exec(http(name).get(path)
			.header("Accept", "application/json")
			.check(status().is(200), jsonPath(list).findAll().optional().saveAs(as + "s"))).exec((session) -> {
				java.util.List<String> ids = session.contains(as + "s") ? session.getList(as + "s")
						: java.util.List.of();
				return ids.isEmpty() ? session.remove(as)
						: session.set(as, ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
			}).pause(think());
	}

	private static ChainBuilder post(String name, String path, String body, Integer... accepted) {
		return exec(http(name).post(path)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-CSRF-TOKEN", "#{csrf}")
			.body(StringBody(body))
			.check(status().in(accepted))).pause(think());
	}

	static ChainBuilder reviewer() {
		return randomSwitch().on(percent(25.0).then(page("review queue page", "/review")),
				percent(15.0).then(page("contracts queue page", "/contracts?status=SUBMITTED")),
				percent(10.0).then(page("terminations page", "/terminations")),
				percent(50.0).then(pick("applications api (queue)", "/api/v1/applications?status=SUBMITTED&size=20",
						"$.items[*].id", "applicationId")
					.exec(doIf((s) -> s.contains("applicationId"))
						.then(page("application page", "/applications/#{applicationId}")
							.exec(api("application history api", "/api/v1/applications/#{applicationId}/history"))
							.exec(randomSwitch().on(percent(20.0)
								.then(post("decide application", "/api/v1/applications/#{applicationId}/decision",
										"{\"decision\":\"APPROVED\"}", 200, 409))))))));
	}

	static ChainBuilder unit() {
		return randomSwitch().on(percent(6.0).then(page("systems page", "/systems")),
				percent(6.0).then(exec(http("systems search (htmx)").get("/systems?q=系统")
					.header("HX-Request", "true")
					.check(status().is(200))).pause(think())),
				percent(7.0).then(page("applications page", "/applications")),
				percent(3.0).then(exec(http("application line form (htmx)").get("/applications/form/line?index=1")
					.header("HX-Request", "true")
					.check(status().is(200))).pause(think())),
				percent(12.0).then(page("inventory page", "/inventory")),
				percent(10.0).then(api("inventory api", "/api/v1/inventory/instances?size=20")),
				percent(3.0).then(exec(http("inventory excel export").get("/api/v1/inventory/instances.xlsx")
					.check(status().is(200)))),
				percent(20.0)
					.then(pick("applications api", "/api/v1/applications?size=20", "$.items[*].id", "applicationId")
						.exec(doIf((s) -> s.contains("applicationId"))
							.then(page("application page", "/applications/#{applicationId}")))),
				percent(25.0).then(charts()),
				percent(8.0).then(pick("systems api (on platform)", "/api/v1/systems?status=ON_PLATFORM&size=20",
						"$.items[*].id", "systemId")
					.exec(doIf((s) -> s.contains("systemId")).then(post("draft application", "/api/v1/applications",
							"{\"systemId\":\"#{systemId}\",\"planVersion\":1,\"summary\":\"扩容草稿\",\"lines\":[{\"kind\":"
									+ "\"CLOUD_HOST\",\"spec\":{\"vcpu\":4,\"memoryGib\":8,\"systemDiskGib\":100,"
									+ "\"os\":\"麒麟 Kylin\"},\"quantity\":2,\"justification\":\"业务增长\"}]}",
							201)))));
	}

	/**
	 * An instance's page with its five charts (the instance drawn from the inventory).
	 */
	static ChainBuilder charts() {
		return pick("inventory api (active)", "/api/v1/inventory/instances?state=ACTIVE&size=20", "$.items[*].id",
				"instanceId")
			.exec(doIf((s) -> s.contains("instanceId")).then(pageWithCharts("instance utilisation page",
					"/utilisation/instances/#{instanceId}?period=WEEK", "instance utilisation api (chart)")));
	}

	static ChainBuilder operator() {
		return randomSwitch().on(percent(20.0).then(page("work orders page", "/work-orders")),
				percent(15.0).then(page("inventory page", "/inventory")), percent(15.0).then(charts()),
				percent(50.0).then(pick("work orders api (open)", "/api/v1/work-orders?status=OPEN&size=20",
						"$.items[*].id", "orderId")
					.exec(doIf((s) -> s.contains("orderId")).then(page("work order page", "/work-orders/#{orderId}")
						.exec(http("work order api").get("/api/v1/work-orders/#{orderId}")
							.header("Accept", "application/json")
							.check(status().is(200), jsonPath("$.lines").ofList().optional().saveAs("lines")))
						.exec(Work::lineWithRoom)
						.exec(doIf((s) -> s.contains("lineId") && ThreadLocalRandom.current().nextInt(5) == 0)
							.then(exec((s) -> s.set("cloudId", "ins-load-" + UUID.randomUUID())
								.set("ip",
										"10.200." + ThreadLocalRandom.current().nextInt(256) + "."
												+ ThreadLocalRandom.current().nextInt(256)))
								.exec(post("record instance",
										"/api/v1/work-orders/#{orderId}/lines/#{lineId}/instances",
										"{\"name\":\"load-#{cloudId}\",\"ipAddresses\":[\"#{ip}\"],\"cloudInstanceId\":"
												+ "\"#{cloudId}\",\"zone\":\"宜兴一区\",\"spec\":#{spec.jsonStringify()}}",
										201, 409))))))));
	}

	/**
	 * The first line of the order with room for another instance (an open order may wait
	 * for the unit's acceptance with every line recorded: recording more is refused with
	 * 409, the line is full, which is right, and not what an operator would do; two
	 * operators racing for a line's last place get 201 and 409).
	 */
	static Session lineWithRoom(Session session) {
		Session s = session.remove("lineId").remove("spec");
		if (!session.contains("lines")) {
			return s;
		}
		for (Object line : session.getList("lines")) {
			if (line instanceof Map<?, ?> map && map.get("allowed") instanceof Number allowed
					&& ((map.get("instances") instanceof List<?> instances) ? instances.size() : 0) < allowed
						.intValue()) {
				return s.set("lineId", map.get("id")).set("spec", map.get("approvedSpec"));
			}
		}
		return s;
	}

	static ChainBuilder manager() {
		return randomSwitch().on(percent(30.0).then(page("systems overview page", "/systems/overview")),
				percent(25.0).then(page("contracts page", "/contracts")),
				percent(20.0).then(page("inventory page", "/inventory")),
				percent(25.0).then(api("contracts api", "/api/v1/contracts?size=20")));
	}

	/** The finance bureau reads its dashboard (budgets from usage are yet to come). */
	static ChainBuilder finance() {
		return randomSwitch().on(percent(50.0).then(page("dashboard page", "/")),
				percent(50.0).then(api("dashboard api", "/api/v1/dashboard")));
	}

	/** An officer reads the unit's systems and a system's utilisation trend. */
	static ChainBuilder officer() {
		return randomSwitch().on(percent(40.0).then(page("systems page", "/systems")), percent(60.0)
			.then(pick("systems api", "/api/v1/systems?size=20", "$.items[*].id", "systemId")
				.exec(doIf((s) -> s.contains("systemId")).then(pageWithCharts("system utilisation page",
						"/utilisation?systemId=#{systemId}&period=WEEK", "system utilisation trend api (chart)")))));
	}

	static ChainBuilder auditor() {
		return randomSwitch().on(percent(100.0).then(page("audit page", "/audit")));
	}

}
