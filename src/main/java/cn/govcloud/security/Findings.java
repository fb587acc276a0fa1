package cn.govcloud.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.StateChange;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Findings of inspections and their rectification (Art. 14): the Commission records a
 * finding; the responsible party — the unit or a supplier — responds with what it did;
 * the Commission verifies (closed) or returns it. Closed, never deleted.
 */
@Service
public class Findings {

	private static final String WHAT = "finding";

	private final FindingRepository repository;

	private final FindingOpening opening;

	private final FindingLedger ledger;

	private final FindingNotices notices;

	Findings(FindingRepository repository, FindingOpening opening, FindingLedger ledger, FindingNotices notices) {
		this.repository = repository;
		this.opening = opening;
		this.ledger = ledger;
		this.notices = notices;
	}

	/**
	 * Rectifications on time for the supplier's yearly assessment (Art. 19 reading Art.
	 * 14): per severity, the findings the supplier was responsible for whose deadline
	 * fell in the year (up to today), and how many were verified with the response given
	 * by the deadline.
	 */
	public List<OnTimeShare> rectificationsOnTime(UUID supplierId, int year) {
		return this.repository.onTime(supplierId, year, CityTime.today());
	}

	/**
	 * Of one severity's findings due, those rectified on time.
	 *
	 * @param severity {@code HIGH}, {@code MEDIUM} or {@code LOW}
	 * @param due findings whose deadline has come
	 * @param onTime of those, verified with the response by the deadline
	 */
	public record OnTimeShare(String severity, long due, long onTime) {
	}

	/** The Commission records a finding on a system in the inspection's scope. */
	@Transactional
	public Finding record(DataScope scope, UUID inspectionId, FindingForm form) {
		GovCloudPrincipal by = Inspections.commission(scope);
		Finding finding = this.opening.open(scope, inspectionId, form,
				this.repository.nextNumber(CityTime.today().getYear()));
		this.repository.insert(finding, by.userId());
		this.ledger.opened(finding, by.userId());
		this.notices.toResponsible(finding, "recorded");
		return finding;
	}

	public Finding find(DataScope scope, UUID id) {
		return this.repository.find(scope, id).orElseThrow(() -> new NotFoundException(WHAT, id));
	}

	/**
	 * Findings in scope in {@code sort}'s order (null: gravest first, then by deadline).
	 */
	public Page<FindingRow> search(DataScope scope, FindingFilter filter, String sort, int page, int size) {
		return this.repository.search(scope, filter, CityTime.today(),
				Page.request(page, size, FindingRepository.SORTABLE.parse(sort)));
	}

	/** Open findings per unit in scope by severity and overdue. */
	public List<FindingTally> tallies(DataScope scope) {
		return this.repository.tallies(scope, CityTime.today());
	}

	/** The finding's history, oldest first. */
	public List<GrantEntry> history(DataScope scope, UUID id) {
		return this.repository.history(find(scope, id).id());
	}

	/**
	 * Whether the caller rectifies this finding: one of the responsible party's people.
	 */
	public boolean mayRespond(DataScope scope, Finding finding) {
		GovCloudPrincipal who = scope.principal();
		return who.may(Permission.RECTIFY_FINDINGS) && who.organizationId().equals(finding.responsibleParty());
	}

	/** Whether the caller verifies or returns rectifications: the Commission. */
	public boolean mayVerify(DataScope scope) {
		return scope.seesAll() && scope.principal().may(Permission.KEEP_INSPECTIONS);
	}

	@Transactional
	public Finding respond(DataScope scope, UUID id, String response) {
		Finding finding = find(scope, id);
		if (!mayRespond(scope, finding)) {
			throw new NotFoundException(WHAT, id);
		}
		return step(finding, (by, at) -> finding.respond(response, by.userId(), by.displayName(), at), scope);
	}

	@Transactional
	public Finding verify(DataScope scope, UUID id) {
		Finding finding = decidable(scope, id);
		return step(finding, (by, at) -> finding.verify(by.userId(), by.displayName(), at), scope);
	}

	@Transactional
	public Finding giveBack(DataScope scope, UUID id, String reason) {
		Finding finding = decidable(scope, id);
		return step(finding, (by, at) -> finding.giveBack(reason, by.userId(), by.displayName(), at), scope);
	}

	private Finding decidable(DataScope scope, UUID id) {
		if (!mayVerify(scope)) {
			throw new NotFoundException(WHAT, id);
		}
		return find(scope, id);
	}

	private Finding step(Finding finding, Step step, DataScope scope) {
		FindingDecided decided = this.ledger.persist(finding, step.apply(scope.principal(), Instant.now()));
		switch (decided.status()) {
			case RESPONDED -> this.notices.responded(finding);
			case CLOSED -> this.notices.toResponsible(finding, "closed");
			case OPEN -> this.notices.toResponsible(finding, "returned");
		}
		return this.repository.findById(finding.id()).orElseThrow();
	}

	/** One step of a finding, as its aggregate method. */
	@FunctionalInterface
	private interface Step {

		StateChange<FindingDecided> apply(GovCloudPrincipal by, Instant at);

	}

}
