package cn.govcloud.security;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import cn.govcloud.inventory.Instances;
import cn.govcloud.inventory.OwnedInstance;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

/**
 * The supplier's instances and policies, read once per import rather than per row.
 */
final class BackupRunMatcher {

	final UUID supplier;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

	private final List<OwnedInstance> own;

	private final List<BackupPolicy> policies;

	private final Duration clockSkew;

	BackupRunMatcher(DataScope scope, BackupRepository repository, Instances instances, Duration clockSkew) {
		this.supplier = Backups.supplierOf(scope, "instance");
		this.clockSkew = clockSkew;
		this.own = instances.visible(scope, null, null, null)
			.stream()
			.filter((i) -> i.supplierId().equals(this.supplier))
			.toList();
		this.policies = repository.policiesOf(this.supplier);
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
			else if (form.finishedAt().isAfter(this.now.plus(this.clockSkew))) {
				problems.add(new FieldProblem(finished, "access.event.future"));
			}
		}
		OwnedInstance instance = instance(form.instance(), prefix, problems);
		BackupPolicy policy = (instance != null) ? policy(instance, prefix, problems) : null;
		if (problems.size() > before) {
			return null;
		}
		return new BackupRun(UUID.randomUUID(), policy.id(), instance.unitId(), null, instance.id(), instance.name(),
				form.startedAt().truncatedTo(ChronoUnit.MICROS), form.finishedAt().truncatedTo(ChronoUnit.MICROS),
				form.sizeBytes(), form.result());
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
