package cn.govcloud.security;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import cn.govcloud.inventory.Instances;
import cn.govcloud.inventory.OwnedInstance;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InputBounds;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.InvalidInputException;
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

	private final BackupStatuses statuses;

	private final ApplicationEventPublisher events;

	Backups(BackupRepository repository, Instances instances, BackupStatuses statuses,
			ApplicationEventPublisher events) {
		this.repository = repository;
		this.instances = instances;
		this.statuses = statuses;
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
		String content = BackupFields.text(form.content(), "content", TEXT_LIMIT, problems);
		String location = BackupFields.text(form.location(), "location", TEXT_LIMIT, problems);
		BackupSchedule schedule = BackupFields.schedule(form, problems);
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
		List<BackupStatus> statuses = this.statuses.of(policies.items(), month, Instant.now());
		return new Page<>(statuses, policies.page(), policies.size(), policies.total(), policies.sort());
	}

	/**
	 * A unit's backups in a month, by supplier (for the monthly report, Art. 12 and 16):
	 * of one unit or ({@code null}) of every unit. Not scoped: the caller reads for a
	 * report whose own scope applies.
	 */
	public List<BackupSummary> summaries(YearMonth month, UUID unitId) {
		return this.statuses.summaries(month, unitId);
	}

	/** Records one run. @throws ConflictException when it was reported before */
	@Transactional
	public BackupRun recordRun(DataScope scope, BackupRunForm form) {
		BackupRunMatcher matcher = new BackupRunMatcher(scope, this.repository, this.instances, CLOCK_SKEW);
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
		BackupRunMatcher matcher = new BackupRunMatcher(scope, this.repository, this.instances, CLOCK_SKEW);
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
		String note = BackupFields.text(form.note(), "note", NOTE_LIMIT, problems);
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

	static UUID supplierOf(DataScope scope, String field) {
		if (scope.principal().organizationKind() != OrganizationKind.SUPPLIER) {
			throw InvalidInputException.of(field, "access.instances.notYours");
		}
		return scope.principal().organizationId();
	}

}
