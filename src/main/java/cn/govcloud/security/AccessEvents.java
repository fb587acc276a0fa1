package cn.govcloud.security;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.inventory.Instances;
import cn.govcloud.inventory.OwnedInstance;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Page;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bastion host's sessions (Art. 17), each checked against the supplier's grants: a
 * session no grant covers is a violation — the unit and the Commission are told at once
 * and it is written to the audit trail.
 */
@Service
public class AccessEvents {

	/**
	 * Clocks differ a little; a session reported as ending later than this is refused.
	 */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private final AccessEventRepository repository;

	private final GrantRepository grants;

	private final Instances instances;

	private final AccessNotices notices;

	private final AuditTrail audit;

	AccessEvents(AccessEventRepository repository, GrantRepository grants, Instances instances, AccessNotices notices,
			AuditTrail audit) {
		this.repository = repository;
		this.grants = grants;
		this.instances = instances;
		this.notices = notices;
		this.audit = audit;
	}

	/**
	 * Records one session.
	 * @throws ConflictException when the supplier reported this session before
	 */
	@Transactional
	public AccessEvent record(DataScope scope, AccessEventForm form) {
		Batch batch = new Batch(scope);
		List<FieldProblem> problems = new ArrayList<>();
		AccessEvent event = batch.checked(form, "", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!store(scope, event)) {
			throw new ConflictException("access.event.duplicate", event.sessionId());
		}
		return event;
	}

	/** Records every session of a CSV file, or none when a row is wrong. */
	@Transactional
	public EventImport importFile(DataScope scope, byte[] content) {
		List<AccessEventForm> forms = AccessEventFile.read(content);
		Batch batch = new Batch(scope);
		List<FieldProblem> problems = new ArrayList<>();
		List<AccessEvent> events = new ArrayList<>();
		for (int i = 0; i < forms.size(); i++) {
			events.add(batch.checked(forms.get(i), "rows[" + (i + 2) + "].", problems));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int recorded = 0;
		int violations = 0;
		for (AccessEvent event : events) {
			if (store(scope, event)) {
				recorded++;
				violations += event.violation() ? 1 : 0;
			}
		}
		return new EventImport(recorded, events.size() - recorded, violations);
	}

	/**
	 * Events in {@code sort}'s order ({@code field,asc|desc}; null: newest first).
	 * @throws InvalidInputException naming {@code sort} for a field the list cannot sort
	 * by
	 */
	public Page<AccessEventRow> search(DataScope scope, Boolean violation, UUID unitId, UUID grantId, String sort,
			int page, int size) {
		return this.repository.search(scope, violation, unitId, grantId,
				Page.request(page, size, AccessEventRepository.SORTABLE.parse(sort)));
	}

	private boolean store(DataScope scope, AccessEvent event) {
		if (!this.repository.insert(event, scope.principal().userId())) {
			return false;
		}
		if (event.violation()) {
			this.notices.violation(event);
			this.audit.record("security.access.violation", "access-event:" + event.id(), AuditOutcome.DENIED,
					event.person() + " " + event.instanceName() + " " + CityTime.minutes(event.startedAt()) + "–"
							+ CityTime.minutes(event.endedAt()) + " " + event.sourceAddress() + " "
							+ event.sessionId());
		}
		return true;
	}

	/**
	 * The supplier's instances and grants, asked once per import rather than once per
	 * row.
	 */
	private final class Batch {

		private final DataScope scope;

		private final List<OwnedInstance> own;

		private final Map<UUID, List<AccessGrant>> grantsOn = new HashMap<>();

		private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

		Batch(DataScope scope) {
			this.scope = scope;
			if (scope.principal().organizationKind() != OrganizationKind.SUPPLIER) {
				throw InvalidInputException.of("instance", "access.instances.notYours");
			}
			UUID supplier = scope.principal().organizationId();
			this.own = AccessEvents.this.instances.visible(scope, null, null, null)
				.stream()
				.filter((i) -> i.supplierId().equals(supplier))
				.toList();
		}

		AccessEvent checked(AccessEventForm form, String prefix, List<FieldProblem> problems) {
			int before = problems.size();
			EventCheck.check(form, this.now.plus(CLOCK_SKEW), prefix, problems);
			OwnedInstance instance = InstanceNames.match(this.own, form.instance(), prefix, problems);
			if (problems.size() > before) {
				return null;
			}
			AccessGrant covering = this.grantsOn
				.computeIfAbsent(instance.id(),
						(id) -> AccessEvents.this.grants.inForceOn(this.scope.principal().organizationId(), id))
				.stream()
				.filter((grant) -> grant.covers(instance.id(), form.startedAt(), form.endedAt()))
				.findFirst()
				.orElse(null);
			return new AccessEvent(UUID.randomUUID(), instance.supplierId(), instance.unitId(), instance.id(),
					instance.name(), form.person().strip(), form.startedAt(), form.endedAt(),
					form.sourceAddress().strip(), form.sessionId().strip(), (covering != null) ? covering.id() : null,
					covering == null, this.now);
		}

	}

}
