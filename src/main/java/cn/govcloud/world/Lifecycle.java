package cn.govcloud.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.world.Applications.App;
import cn.govcloud.world.Applications.Line;
import cn.govcloud.world.Contracts.Deal;
import cn.govcloud.world.Provisioning.Inst;
import cn.govcloud.world.Registers.Sys;

/**
 * One system's life up to today, by its {@link Fate}: registered, applied for, reviewed,
 * contracted, provisioned, accepted, paid, changed, terminated, with dates counted back
 * from today so the world stays current whenever it is generated.
 */
final class Lifecycle {

	private static final int[][] SHAPES = { { 2, 4, 60 }, { 4, 8, 100 }, { 4, 16, 100 }, { 8, 16, 200 }, { 8, 32, 200 },
			{ 16, 64, 500 } };

	private static final String[] OS = { "麒麟 Kylin", "统信 UOS", "openEuler", "CentOS" };

	private final Scene scene;

	private final Registers registers;

	private final Applications applications;

	private final Contracts contracts;

	private final Provisioning provisioning;

	private final Terminations terminations;

	Lifecycle(Scene scene, long applicationNumber, long contractNumber, long terminationNumber) {
		this.scene = scene;
		this.registers = new Registers(scene);
		this.applications = new Applications(scene, applicationNumber);
		this.contracts = new Contracts(scene, contractNumber);
		this.provisioning = new Provisioning(scene);
		this.terminations = new Terminations(scene, this.registers, this.contracts, terminationNumber);
	}

	long[] nextNumbers() {
		return new long[] { this.applications.number, this.contracts.number, this.terminations.number };
	}

	void live(City.Unit unit, Fate fate, int hosts) {
		LocalDate today = this.scene.today;
		switch (fate) {
			case RUNNING, TERMINATED -> running(unit, fate, hosts);
			case OPEN_ORDER -> provisioned(unit, hosts, today.minusDays(this.scene.between(6, 10)), "OPEN");
			case COMPLETED_ORDER -> provisioned(unit, hosts, today.minusDays(this.scene.between(12, 20)), "COMPLETED");
			case CONTRACT_SUBMITTED -> {
				Sys system = planned(unit, today.minusDays(40));
				App app = this.applications.apply(system, today.minusDays(30), "NEW", lines(hosts(), false),
						"APPROVED");
				this.contracts.contract(system, app, supplier(), today.minusDays(this.scene.between(5, 20)),
						today.plusDays(this.scene.between(10, 40)), (unit.systems % 4 == 3) ? "DRAFT" : "SUBMITTED");
			}
			case APP_SUBMITTED, APP_RETURNED, APP_REJECTED, APP_DRAFT -> {
				Sys system = planned(unit, today.minusDays(this.scene.between(20, 60)));
				this.applications.apply(system, today.minusDays(this.scene.between(5, 15)), "NEW",
						lines(hosts(), false), fate.name().substring(4));
			}
			case LEGACY -> this.registers.register(unit, "LEGACY_SELF_HOSTED",
					today.minusDays(this.scene.between(100, 600)), this.scene.chance(0.4));
			case MIGRATING -> {
				LocalDate target = today.plusDays(this.scene.between(-60, 240));
				Sys system = this.registers.register(unit, "MIGRATING", today.minusDays(this.scene.between(100, 600)),
						true, target, null);
				this.registers.migrating(system, target);
			}
			case EXEMPT -> {
				String basis = this.registers.basis();
				Sys system = this.registers.register(unit, "EXEMPT", today.minusDays(this.scene.between(100, 600)),
						true, null, basis);
				this.registers.exempt(system, this.scene.any(this.scene.city.reviewers), basis);
			}
		}
	}

	private void running(City.Unit unit, Fate fate, int hosts) {
		LocalDate today = this.scene.today;
		City.Supplier supplier = supplier();
		LocalDate start = today.minusDays(this.scene.between(40, 330));
		LocalDate from = this.scene.books.get(supplier.id).from();
		start = start.isBefore(from) ? from : start;
		boolean whole = fate == Fate.TERMINATED;
		Sys system = this.registers.register(unit, whole ? "OFFLINE" : "ON_PLATFORM", start.minusDays(45), true);
		this.registers.document(system, "CONSTRUCTION_PLAN", start.minusDays(44));
		App app = this.applications.apply(system, start.minusDays(30), "NEW", lines(hosts, true),
				this.scene.chance(0.2) ? "APPROVED_WITH_CUTS" : "APPROVED");
		boolean partial = !whole && this.scene.chance(0.06);
		Provisioning.Reclaim reclaim = (whole || partial)
				? new Provisioning.Reclaim(UUID.randomUUID(), today.minusDays(this.scene.between(5, 25)), whole) : null;
		Deal deal = this.contracts.contract(system, app, supplier, start.minusDays(20), start, "FILED",
				(reclaim != null) ? 2 : 1);
		List<Inst> instances = this.provisioning.provision(deal, app, "ACCEPTED", reclaim);
		hosts(instances);
		if (reclaim != null) {
			this.terminations.reclaimed(deal, instances, reclaim);
			return;
		}
		if (this.scene.chance(0.6)) {
			this.contracts.payments(deal);
		}
		if (this.scene.chance(0.09)) {
			this.applications.apply(system, today.minusDays(this.scene.between(3, 30)), "CHANGE", lines(2, false),
					this.scene.chance(0.66) ? "SUBMITTED" : "REJECTED");
		}
		else if (this.scene.chance(0.03)) {
			this.terminations.pending(system, today.minusDays(this.scene.between(1, 10)));
		}
	}

	/** A planned system whose contract was filed on {@code drafted} + 5 days. */
	private void provisioned(City.Unit unit, int hosts, LocalDate drafted, String outcome) {
		Sys system = planned(unit, drafted.minusDays(30));
		App app = this.applications.apply(system, drafted.minusDays(10), "NEW", lines(hosts, true), "APPROVED");
		Deal deal = this.contracts.contract(system, app, supplier(), drafted,
				this.scene.today.plusDays(this.scene.between(0, 20)), "FILED");
		this.provisioning.provision(deal, app, outcome, null);
	}

	private Sys planned(City.Unit unit, LocalDate on) {
		Sys system = this.registers.register(unit, "PLANNED", on, this.scene.chance(0.8));
		this.registers.document(system, "CONSTRUCTION_PLAN", on.plusDays(1));
		return system;
	}

	private void hosts(List<Inst> instances) {
		for (Inst instance : instances) {
			if (instance.line.kind().equals("CLOUD_HOST") && instance.activeFrom != null) {
				int vcpu = ((Number) instance.line.spec().get("vcpu")).intValue();
				int memory = ((Number) instance.line.spec().get("memoryGib")).intValue();
				this.scene.hosts.add(new Scene.Host(instance.id, instance.activeFrom, instance.reclaimedOn, vcpu,
						memory, this.scene.random.nextInt(100)));
			}
		}
	}

	/** The lines of an application for {@code hosts} hosts (in one or two shapes). */
	private List<Line> lines(int hosts, boolean storage) {
		List<Line> lines = new ArrayList<>();
		int first = (hosts >= 4) ? hosts - hosts / 3 : hosts;
		lines.add(host(1, first));
		if (first < hosts) {
			lines.add(host(2, hosts - first));
		}
		if (storage && this.scene.chance(0.5)) {
			Map<String, Object> spec = new LinkedHashMap<>();
			spec.put("storageType", "块存储 block");
			spec.put("capacityGib", 500 * this.scene.between(1, 8));
			lines.add(new Line(UUID.randomUUID(), lines.size() + 1, "CLOUD_STORAGE", spec, 1, 1));
		}
		return lines;
	}

	private Line host(int position, int quantity) {
		int[] shape = SHAPES[this.scene.random.nextInt(SHAPES.length)];
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("vcpu", shape[0]);
		spec.put("memoryGib", shape[1]);
		spec.put("systemDiskGib", shape[2]);
		spec.put("os", OS[this.scene.random.nextInt(OS.length)]);
		int cut = (quantity > 1 && this.scene.chance(0.5)) ? 1 : 0;
		return new Line(UUID.randomUUID(), position, "CLOUD_HOST", spec, quantity, quantity - cut);
	}

	private int hosts() {
		return this.scene.between(1, 6);
	}

	private City.Supplier supplier() {
		List<City.Supplier> suppliers = this.scene.city.suppliers;
		return this.scene.chance(0.6) ? suppliers.get(0) : suppliers.get(this.scene.random.nextInt(suppliers.size()));
	}

}
