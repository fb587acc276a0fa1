package cn.govcloud.security;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.govcloud.inventory.Instances;
import cn.govcloud.inventory.MonthInstance;
import cn.govcloud.security.BackupSchedule.Period;
import cn.govcloud.security.BackupStatus.InstanceBackups;
import cn.govcloud.shared.CityTime;

import org.springframework.stereotype.Component;

/**
 * How backups went (Art. 16): each policy's runs compared with its schedule for the
 * instances it covers while they ran, and the month's figures per unit and supplier for
 * the monthly report.
 */
@Component
class BackupStatuses {

	private final BackupRepository repository;

	private final Instances instances;

	BackupStatuses(BackupRepository repository, Instances instances) {
		this.repository = repository;
		this.instances = instances;
	}

	/** A unit's ({@code null}: every unit's) backups in a month, by supplier. */
	List<BackupSummary> summaries(YearMonth month, UUID unitId) {
		List<BackupPolicy> policies = this.repository.policiesOfUnit(unitId);
		Map<UUID, BackupPolicy> byId = new HashMap<>();
		policies.forEach((p) -> byId.put(p.id(), p));
		Map<List<UUID>, int[]> sums = new LinkedHashMap<>();
		for (BackupStatus status : of(policies, month, Instant.now())) {
			BackupPolicy p = status.policy();
			int[] sum = sums.computeIfAbsent(List.of(p.unitId(), p.supplierId()), (k) -> new int[7]);
			sum[0] += status.instances().size();
			sum[1] += (int) status.expected();
			sum[2] += (int) status.met();
			sum[3] += (int) status.failed();
			sum[4] += (int) status.missed();
		}
		for (RestoreTest test : this.repository.restoreTestsOf(List.copyOf(byId.keySet()), month.atEndOfMonth())) {
			BackupPolicy p = byId.get(test.policyId());
			if (!test.testedOn().isBefore(month.atDay(1))) {
				int[] sum = sums.computeIfAbsent(List.of(p.unitId(), p.supplierId()), (k) -> new int[7]);
				sum[5]++;
				sum[6] += (test.result() == BackupResult.FAILED) ? 1 : 0;
			}
		}
		List<BackupSummary> summaries = new ArrayList<>();
		sums.forEach((k, s) -> summaries
			.add(new BackupSummary(k.get(0), k.get(1), s[0], s[1], s[2], s[3], s[4], s[5], s[6])));
		return summaries;
	}

	/** How each policy's backups went in {@code month}, as of {@code now}. */
	List<BackupStatus> of(List<BackupPolicy> policies, YearMonth month, Instant now) {
		if (policies.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = policies.stream().map(BackupPolicy::id).toList();
		Instant from = CityTime.startOf(month.atDay(1));
		Instant to = CityTime.startOf(month.plusMonths(1).atDay(1).plusMonths(1));
		Map<List<UUID>, List<BackupSchedule.Run>> runs = new HashMap<>();
		for (BackupRepository.RunOf run : this.repository.runsOf(ids, from, to)) {
			runs.computeIfAbsent(List.of(run.policyId(), run.instanceId()), (k) -> new ArrayList<>()).add(run.run());
		}
		Map<UUID, RestoreTest> lastTest = new HashMap<>();
		for (RestoreTest test : this.repository.restoreTestsOf(ids, month.atEndOfMonth())) {
			lastTest.putIfAbsent(test.policyId(), test);
		}
		// One unit's policies (its page, its monthly report) read that unit's instances,
		// not the city's.
		Set<UUID> units = policies.stream().map(BackupPolicy::unitId).collect(Collectors.toSet());
		Map<UUID, List<MonthInstance>> bySystem = new HashMap<>();
		for (MonthInstance i : this.instances.during(month, (units.size() == 1) ? units.iterator().next() : null)) {
			bySystem.computeIfAbsent(i.systemId(), (k) -> new ArrayList<>()).add(i);
		}
		Set<UUID> ownPolicy = this.repository.instancesWithPolicy();
		List<BackupStatus> statuses = new ArrayList<>();
		for (BackupPolicy policy : policies) {
			List<InstanceBackups> covered = new ArrayList<>();
			for (MonthInstance instance : bySystem.getOrDefault(policy.systemId(), List.of())) {
				if (!covers(policy, instance, ownPolicy)) {
					continue;
				}
				List<Period> periods = policy.schedule()
					.periods(month, runs.getOrDefault(List.of(policy.id(), instance.id()), List.of()), now)
					.stream()
					.filter((p) -> running(instance, p))
					.toList();
				covered.add(new InstanceBackups(instance.id(), instance.name(), periods));
			}
			covered.sort(Comparator.comparing(InstanceBackups::instanceName));
			statuses.add(new BackupStatus(policy, covered, lastTest.get(policy.id())));
		}
		return statuses;
	}

	/**
	 * A policy covers its instance, or every instance of its system the supplier operates
	 * that has no policy of its own.
	 */
	private static boolean covers(BackupPolicy policy, MonthInstance instance, Set<UUID> ownPolicy) {
		if (!instance.supplierId().equals(policy.supplierId())) {
			return false;
		}
		if (policy.instanceId() != null) {
			return policy.instanceId().equals(instance.id());
		}
		return !ownPolicy.contains(instance.id());
	}

	/** A period counts while its instance runs: active by then, not reclaimed. */
	private static boolean running(MonthInstance instance, Period period) {
		LocalDate day = period.start().atZone(CityTime.ZONE).toLocalDate();
		return !day.isBefore(instance.activeFrom())
				&& (instance.reclaimedOn() == null || day.isBefore(instance.reclaimedOn()));
	}

}
