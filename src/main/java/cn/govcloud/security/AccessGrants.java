package cn.govcloud.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.StateChange;
import cn.govcloud.shared.Text;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access grants (Art. 17): the supplier asks, the unit decides, grants end by themselves;
 * emergency access for a P1 fault is in force at once and decided after the fact, or
 * flagged.
 */
@Service
public class AccessGrants {

	private static final String WHAT = "access grant";

	private final GrantRepository repository;

	private final GrantParties parties;

	private final GrantLedger ledger;

	private final AccessNotices notices;

	private final AccessSettings settings;

	AccessGrants(GrantRepository repository, GrantParties parties, GrantLedger ledger, AccessNotices notices,
			AccessSettings settings) {
		this.repository = repository;
		this.parties = parties;
		this.ledger = ledger;
		this.notices = notices;
		this.settings = settings;
	}

	/**
	 * The supplier asks for access, or takes emergency access for a P1 fault: in force at
	 * once, the unit told at once.
	 */
	@Transactional
	public AccessGrant request(DataScope scope, AccessRequestForm form) {
		GovCloudPrincipal by = scope.principal();
		if (by.organizationKind() != OrganizationKind.SUPPLIER) {
			throw InvalidInputException.of("instanceIds", "access.instances.notYours");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Instant from = form.urgent() ? now : form.from();
		List<FieldProblem> problems = new ArrayList<>(
				AccessWindow.problems(from, form.until(), now, this.settings.maxWindow()));
		String purpose = Text.stripToNull(form.purpose());
		if (purpose == null || purpose.length() > 2000) {
			problems.add(new FieldProblem("purpose", (purpose == null) ? "error.field.required" : "access.text.tooLong",
					2000));
		}
		if (form.kind() == null) {
			problems.add(new FieldProblem("kind", "error.field.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		GrantParties.Asked asked = this.parties.requested(scope, form.instanceIds());
		UUID unit = asked.unitId();
		List<GrantInstance> instances = asked.instances();
		String ticket = form.urgent() ? this.parties.p1Ticket(scope, form.ticketId(), unit) : null;
		Set<UUID> ids = instances.stream().map(GrantInstance::instanceId).collect(Collectors.toSet());
		AccessGrant grant = new AccessGrant(UUID.randomUUID(), this.repository.nextNumber(CityTime.today().getYear()),
				unit, by.organizationId(), by.userId(), by.displayName(), purpose, form.kind(), from, form.until(), ids,
				form.urgent(), ticket, form.urgent() ? GrantStatus.EMERGENCY : GrantStatus.REQUESTED,
				form.urgent() ? from : null, form.urgent() ? form.until() : null, form.urgent() ? ids : Set.of(), null,
				null, null, null, now, null);
		this.repository.insert(grant, instances);
		this.ledger.opened(grant);
		this.notices.requested(grant);
		return grant;
	}

	public AccessGrant find(DataScope scope, UUID id) {
		return this.repository.find(scope, id).orElseThrow(() -> new NotFoundException(WHAT, id));
	}

	/** The grant's instances, each marked whether granted. */
	public List<GrantInstance> instances(DataScope scope, UUID id) {
		return this.repository.instances(find(scope, id));
	}

	/** The grant's history, oldest first. */
	public List<GrantEntry> history(DataScope scope, UUID id) {
		return this.repository.history(find(scope, id).id());
	}

	/** Whether the caller may decide (approve, refuse, revoke) this grant. */
	public boolean mayDecide(DataScope scope, AccessGrant grant) {
		return this.parties.mayDecide(scope.principal(), grant, this.repository.instances(grant));
	}

	/**
	 * Grants in {@code sort}'s order ({@code field,asc|desc}; null: newest first).
	 * @throws InvalidInputException naming {@code sort} for a field the list cannot sort
	 * by
	 */
	public Page<GrantRow> search(DataScope scope, GrantStatus status, UUID unitId, String sort, int page, int size) {
		Instant now = Instant.now();
		return this.repository.search(scope, status, unitId, now, now.minus(this.settings.emergencyDecision()),
				Page.request(page, size, GrantRepository.SORTABLE.parse(sort)));
	}

	@Transactional
	public AccessGrant approve(DataScope scope, UUID id, AccessGrant.Approval approval) {
		return decide(scope, id, (grant, by, at) -> grant.approve(approval, by.userId(), by.displayName(), at));
	}

	@Transactional
	public AccessGrant refuse(DataScope scope, UUID id, String reason) {
		return decide(scope, id, (grant, by, at) -> grant.refuse(reason, by.userId(), by.displayName(), at));
	}

	@Transactional
	public AccessGrant revoke(DataScope scope, UUID id, String reason) {
		return decide(scope, id, (grant, by, at) -> grant.revoke(reason, by.userId(), by.displayName(), at));
	}

	/** Whether an emergency has waited longer than the unit has to decide it. */
	public boolean overdue(AccessGrant grant) {
		return grant.overdue(Instant.now(), this.settings.emergencyDecision());
	}

	/**
	 * Flags the emergencies the unit left undecided past the deadline, each once, and
	 * tells the unit and the Commission; returns how many.
	 */
	@Scheduled(fixedDelayString = "${govcloud.security.access.watch-interval:5m}", initialDelayString = "45s")
	@Transactional
	public int flagOverdueEmergencies() {
		Instant now = Instant.now();
		int flagged = 0;
		for (AccessGrant grant : this.repository.undecidedEmergencies(now.minus(this.settings.emergencyDecision()))) {
			if (this.repository.flag(grant.id(), now)) {
				this.notices.overdue(grant);
				flagged++;
			}
		}
		return flagged;
	}

	private AccessGrant decide(DataScope scope, UUID id, Decision decision) {
		AccessGrant grant = find(scope, id);
		if (!mayDecide(scope, grant)) {
			throw new NotFoundException(WHAT, id);
		}
		GovCloudPrincipal by = scope.principal();
		GrantDecided decided = this.ledger.persist(grant, decision.apply(grant, by, Instant.now()));
		this.notices.decided(grant, decided.status());
		return this.repository.findById(id).orElseThrow();
	}

	/** One decision of the unit, as its aggregate method. */
	@FunctionalInterface
	private interface Decision {

		StateChange<GrantDecided> apply(AccessGrant grant, GovCloudPrincipal by, Instant at);

	}

}
