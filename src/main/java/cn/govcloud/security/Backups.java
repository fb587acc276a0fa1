package cn.govcloud.security;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
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
import cn.govcloud.inventory.OwnedInstance;
import cn.govcloud.security.BackupSchedule.Period;
import cn.govcloud.security.BackupStatus.InstanceBackups;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InputBounds;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Page;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Backups (Art. 16): the supplier keeps a backup policy per system or instance, reports
 * its backup runs (API or CSV) and records restore tests; GovCloud compares the runs with
 * each policy's schedule ({@link BackupSchedule}) and flags the failed and missed ones. A
 * unit sees its own systems' backups, a supplier those it keeps, the Commission all.
 */
@Service
public class Backups {

	/** Clocks differ a little; a run reported as finishing later than this is refused. */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	static final int TEXT_LIMIT = 500;

	static final int NOTE_LIMIT = 2000;

	private final BackupRepository repository;

	private final Instances instances;

	private final ApplicationEventPublisher events;

	Backups(BackupRepository repository, Instances instances, ApplicationEventPublisher events) {
		this.repository = repository;
		this.instances = instances;
		this.events = events;
	}

	/**
	 * The supplier writes a backup policy for a system it operates or one instance of it.
	 */
	@Transactional
	public BackupPolicy createPolicy(DataScope scope, BackupPolicyForm given) {
		UUID supplier = supplierOf(scope, "systemId");
		if (given == null) {
			throw InvalidInputException.of("systemId", "error.field.required");
		}
		BackupPolicyForm form = given;
		List<FieldProblem> problems = new ArrayList<>();
		if (form.systemId() == null && form.instanceId() != null) {
			UUID system = coverable(scope).stream()
				.filter((i) -> i.id().equals(given.instanceId()))
				.map(OwnedInstance::systemId)
				.findFirst()
				.orElse(null);
			form = new BackupPolicyForm(system, (system != null) ? form.instanceId() : null, form.content(),
					form.frequency(), form.at(), form.weekday(), form.monthDay(), form.retentionDays(), form.location(),
					form.encrypted(), form.startsOn());
		}
		BackupPolicyForm asked = form;
		List<OwnedInstance> own = (form.systemId() == null) ? List.of()
				: this.instances.visible(scope, null, form.systemId(), null)
					.stream()
					.filter((i) -> i.supplierId().equals(supplier))
					.toList();
		if (form.systemId() == null) {
			problems.add(new FieldProblem("systemId", "error.field.required"));
		}
		else if (own.isEmpty()) {
			problems.add(new FieldProblem("systemId", "backup.policy.system"));
		}
		else if (asked.instanceId() != null && own.stream().noneMatch((i) -> i.id().equals(asked.instanceId()))) {
			problems.add(new FieldProblem("instanceId", "backup.policy.instance"));
		}
		String content = text(form.content(), "content", TEXT_LIMIT, problems);
		String location = text(form.location(), "location", TEXT_LIMIT, problems);
		BackupSchedule schedule = schedule(form, problems);
		if (form.retentionDays() == null || form.retentionDays() < 1 || form.retentionDays() > 36500) {
			problems.add(new FieldProblem("retentionDays", "backup.policy.retention"));
		}
		if (form.encrypted() == null) {
			problems.add(new FieldProblem("encrypted", "error.field.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		OwnedInstance any = own.get(0);
		BackupPolicy policy = new BackupPolicy(UUID.randomUUID(), any.unitId(), null, supplier, null, any.systemId(),
				null, form.instanceId(), null, content, schedule, form.retentionDays(), location, form.encrypted(),
				Instant.now().truncatedTo(ChronoUnit.MICROS));
		if (!this.repository.insert(policy, scope.principal().userId())) {
			throw new ConflictException(
					(form.instanceId() != null) ? "backup.policy.instanceTaken" : "backup.policy.systemTaken");
		}
		return this.repository.policy(policy.id()).orElseThrow();
	}

	/** The instances a supplier may write a policy for (their systems too). */
	public List<OwnedInstance> coverable(DataScope scope) {
		UUID supplier = supplierOf(scope, "instanceId");
		return this.instances.visible(scope, null, null, null)
			.stream()
			.filter((i) -> i.supplierId().equals(supplier))
			.sorted(Comparator.comparing(OwnedInstance::name))
			.toList();
	}

	public BackupPolicy policy(DataScope scope, UUID id) {
		return scope.requireParty(this.repository.policy(id), BackupPolicy::unitId, BackupPolicy::supplierId,
				"backup-policy", id);
	}

	/**
	 * The policies in scope in {@code sort}'s order ({@code field,asc|desc}).
	 * @throws InvalidInputException naming {@code sort} for a field the list cannot sort
	 * by
	 */
	public Page<BackupPolicy> policies(DataScope scope, UUID unitId, String sort, int page, int size) {
		return this.repository.policies(scope, unitId, Page.request(page, size, BackupRepository.POLICIES.parse(sort)));
	}

	/** The policies in scope with how their backups went in {@code month}. */
	public Page<BackupStatus> status(DataScope scope, UUID unitId, YearMonth month, String sort, int page, int size) {
		Page<BackupPolicy> policies = policies(scope, unitId, sort, page, size);
		List<BackupStatus> statuses = statuses(policies.items(), month, Instant.now());
		return new Page<>(statuses, policies.page(), policies.size(), policies.total(), policies.sort());
	}

	/**
	 * A unit's backups in a month, by supplier (for the monthly report, Art. 12 and 16):
	 * of one unit or ({@code null}) of every unit. Not scoped: the caller reads for a
	 * report whose own scope applies.
	 */
	public List<BackupSummary> summaries(YearMonth month, UUID unitId) {
		List<BackupPolicy> policies = this.repository.policiesOfUnit(unitId);
		Map<UUID, BackupPolicy> byId = new HashMap<>();
		policies.forEach((p) -> byId.put(p.id(), p));
		Map<List<UUID>, int[]> sums = new LinkedHashMap<>();
		for (BackupStatus status : statuses(policies, month, Instant.now())) {
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

	/** Records one run. @throws ConflictException when it was reported before */
	@Transactional
	public BackupRun recordRun(DataScope scope, BackupRunForm form) {
		Matcher matcher = new Matcher(scope);
		List<FieldProblem> problems = new ArrayList<>();
		BackupRun run = matcher.checked(form, "", false, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!this.repository.insert(run, matcher.now, scope.principal().userId(), matcher.supplier)) {
			throw new ConflictException("backup.run.duplicate", run.instanceName(), CityTime.minutes(run.startedAt()));
		}
		return run;
	}

	/** Records every run of a CSV file, or none when a row is wrong. */
	@Transactional
	public BackupImport importRuns(DataScope scope, byte[] content) {
		Matcher matcher = new Matcher(scope);
		List<BackupRunForm> forms = BackupRunFile.read(content);
		List<FieldProblem> problems = new ArrayList<>();
		List<BackupRun> runs = new ArrayList<>();
		for (int i = 0; i < forms.size(); i++) {
			runs.add(matcher.checked(forms.get(i), "rows[" + (i + 2) + "].", true, problems));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int recorded = 0;
		int failed = 0;
		for (BackupRun run : runs) {
			if (this.repository.insert(run, matcher.now, scope.principal().userId(), matcher.supplier)) {
				recorded++;
				failed += (run.result() == BackupResult.FAILED) ? 1 : 0;
			}
		}
		return new BackupImport(recorded, runs.size() - recorded, failed);
	}

	public Page<BackupRun> runs(DataScope scope, UUID unitId, BackupResult result, String sort, int page, int size) {
		return this.repository.runs(scope, unitId, result, Page.request(page, size, BackupRepository.RUNS.parse(sort)));
	}

	/** The supplier records a restore test of a policy's backups and its result. */
	@Transactional
	public RestoreTest recordRestoreTest(DataScope scope, RestoreTestForm form) {
		UUID supplier = supplierOf(scope, "policyId");
		if (form == null || form.policyId() == null) {
			throw InvalidInputException.of("policyId", "error.field.required");
		}
		BackupPolicy policy = this.repository.policy(form.policyId())
			.filter((p) -> p.supplierId().equals(supplier))
			.orElseThrow(() -> InvalidInputException.of("policyId", "backup.restore.policy.unknown"));
		List<FieldProblem> problems = new ArrayList<>();
		if (form.testedOn() == null) {
			problems.add(new FieldProblem("testedOn", "error.field.required"));
		}
		else if (form.testedOn().isAfter(CityTime.today()) || !InputBounds.fitsDate(form.testedOn())) {
			problems.add(new FieldProblem("testedOn", "backup.restore.future"));
		}
		if (form.result() == null) {
			problems.add(new FieldProblem("result", "error.field.required"));
		}
		String note = text(form.note(), "note", NOTE_LIMIT, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		RestoreTest test = new RestoreTest(UUID.randomUUID(), policy.id(), policy.unitId(), policy.unitName(),
				policy.systemName(), policy.instanceName(), form.testedOn(), form.result(), note);
		this.repository.insert(test, policy, Instant.now(), scope.principal().userId());
		this.events.publishEvent(new RestoreTestRecorded(test.id(), policy.supplierId(), policy.unitId(),
				test.testedOn(), test.result(), policy.systemName()));
		return test;
	}

	public List<RestoreTest> restoreTests(DataScope scope, UUID unitId) {
		return this.repository.restoreTests(scope, unitId, 200);
	}

	/** How each policy's backups went in {@code month}, as of {@code now}. */
	List<BackupStatus> statuses(List<BackupPolicy> policies, YearMonth month, Instant now) {
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

	private static BackupSchedule schedule(BackupPolicyForm form, List<FieldProblem> problems) {
		LocalTime at = null;
		try {
			at = (form.at() != null) ? LocalTime.parse(form.at().strip()) : null;
		}
		catch (DateTimeException ex) {
			// reported below
		}
		if (at == null) {
			problems.add(new FieldProblem("at", "backup.policy.at.invalid"));
		}
		Integer weekday = null;
		Integer monthDay = null;
		if (form.frequency() == null) {
			problems.add(new FieldProblem("frequency", "error.field.required"));
		}
		else if (form.frequency() == BackupFrequency.WEEKLY) {
			weekday = form.weekday();
			if (weekday == null || weekday < 1 || weekday > 7) {
				problems.add(new FieldProblem("weekday", "backup.policy.weekday.invalid"));
			}
		}
		else if (form.frequency() == BackupFrequency.MONTHLY) {
			monthDay = form.monthDay();
			if (monthDay == null || monthDay < 1 || monthDay > 28) {
				problems.add(new FieldProblem("monthDay", "backup.policy.monthDay.invalid"));
			}
		}
		LocalDate startsOn = (form.startsOn() != null) ? form.startsOn() : CityTime.today();
		if (!InputBounds.fitsDate(startsOn) || startsOn.getYear() < 2000) {
			problems.add(new FieldProblem("startsOn", "backup.policy.startsOn.invalid"));
		}
		return new BackupSchedule(form.frequency(), at, weekday, monthDay, startsOn);
	}

	private static String text(String value, String field, int max, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "error.field.required"));
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			problems.add(new FieldProblem(field, "access.text.tooLong", max));
		}
		else if (InputBounds.hasControlCharacter(text)) {
			problems.add(new FieldProblem(field, "backup.text.control"));
		}
		return text;
	}

	private static UUID supplierOf(DataScope scope, String field) {
		if (scope.principal().organizationKind() != OrganizationKind.SUPPLIER) {
			throw InvalidInputException.of(field, "access.instances.notYours");
		}
		return scope.principal().organizationId();
	}

	/**
	 * The supplier's instances and policies, read once per import rather than per row.
	 */
	private final class Matcher {

		final UUID supplier;

		final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

		private final List<OwnedInstance> own;

		private final List<BackupPolicy> policies;

		Matcher(DataScope scope) {
			this.supplier = supplierOf(scope, "instance");
			this.own = Backups.this.instances.visible(scope, null, null, null)
				.stream()
				.filter((i) -> i.supplierId().equals(this.supplier))
				.toList();
			this.policies = Backups.this.repository.policiesOf(this.supplier);
		}

		BackupRun checked(BackupRunForm form, String prefix, boolean csv, List<FieldProblem> problems) {
			if (form == null) {
				problems.add(new FieldProblem(prefix + "instance", "error.field.required"));
				return null;
			}
			int before = problems.size();
			String started = prefix + (csv ? "started_at" : "startedAt");
			String finished = prefix + (csv ? "finished_at" : "finishedAt");
			if (!csv) {
				if (form.startedAt() == null) {
					problems.add(new FieldProblem(started, "error.field.required"));
				}
				if (form.finishedAt() == null) {
					problems.add(new FieldProblem(finished, "error.field.required"));
				}
				if (form.sizeBytes() == null || form.sizeBytes() < 0) {
					problems.add(new FieldProblem(prefix + "sizeBytes", "backup.run.size.invalid"));
				}
				if (form.result() == null) {
					problems.add(new FieldProblem(prefix + "result", "backup.run.result"));
				}
			}
			if (form.startedAt() != null && form.finishedAt() != null) {
				if (form.finishedAt().isBefore(form.startedAt())) {
					problems.add(new FieldProblem(finished, "access.window.order"));
				}
				else if (form.finishedAt().isAfter(this.now.plus(CLOCK_SKEW))) {
					problems.add(new FieldProblem(finished, "access.event.future"));
				}
			}
			OwnedInstance instance = instance(form.instance(), prefix, problems);
			BackupPolicy policy = (instance != null) ? policy(instance, prefix, problems) : null;
			if (problems.size() > before) {
				return null;
			}
			return new BackupRun(UUID.randomUUID(), policy.id(), instance.unitId(), null, instance.id(),
					instance.name(), form.startedAt().truncatedTo(ChronoUnit.MICROS),
					form.finishedAt().truncatedTo(ChronoUnit.MICROS), form.sizeBytes(), form.result());
		}

		private OwnedInstance instance(String named, String prefix, List<FieldProblem> problems) {
			if (named == null || named.isBlank()) {
				problems.add(new FieldProblem(prefix + "instance", "error.field.required"));
				return null;
			}
			return InstanceNames.match(this.own, named, prefix, problems);
		}

		/** The instance's own policy, else its system's. */
		private BackupPolicy policy(OwnedInstance instance, String prefix, List<FieldProblem> problems) {
			return this.policies.stream()
				.filter((p) -> instance.id().equals(p.instanceId()))
				.findFirst()
				.or(() -> this.policies.stream()
					.filter((p) -> p.instanceId() == null && p.systemId().equals(instance.systemId()))
					.findFirst())
				.orElseGet(() -> {
					problems.add(new FieldProblem(prefix + "instance", "backup.run.noPolicy", instance.name()));
					return null;
				});
		}

	}

}
