package cn.govcloud.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.calendar.WorkingCalendar;
import cn.govcloud.calendar.WorkingCalendars;
import cn.govcloud.security.RestoreTestRecorded;
import cn.govcloud.security.SecurityDutyDone;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions;
import cn.govcloud.shared.DocumentType;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.Text;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The supplier's obligation calendar (Art. 11, 12, 14, 16): the supplier submits (a
 * document and a note; the monthly report by submitting the report), the Commission
 * accepts or returns with a reason. A supplier sees its own obligations, the Commission
 * all, nobody else any. The assessment reads {@link #onTime}.
 */
@Service
public class Obligations {

	static final DataSize MAX_DOCUMENT = DataSize.ofMegabytes(20);

	static final int NOTE_LIMIT = 2000;

	private final ObligationStore store;

	private final Decisions decisions;

	private final WorkingCalendars calendars;

	Obligations(ObligationStore store, Decisions decisions, WorkingCalendars calendars) {
		this.store = store;
		this.decisions = decisions;
		this.calendars = calendars;
	}

	public Page<Obligation> search(DataScope scope, ObligationFilter filter, String sort, int page, int size) {
		return this.store.search(scope, filter, Page.request(page, size, ObligationStore.SORTABLE.parse(sort)),
				calendar());
	}

	public Obligation find(DataScope scope, UUID id) {
		return this.store.find(id, calendar())
			.filter((o) -> scope.seesAll() || scope.supplierParty().map(o.supplierId()::equals).orElse(false))
			.orElseThrow(() -> new NotFoundException("obligation", id));
	}

	/**
	 * The supplier's document and note (not for the monthly report: that is the report).
	 */
	@Transactional
	public Obligation submit(DataScope scope, UUID id, String note, String fileName, byte[] content) {
		Obligation obligation = find(scope, id);
		GovCloudPrincipal who = scope.principal();
		if (!who.may(Permission.SUBMIT_OBLIGATIONS) || !who.organizationId().equals(obligation.supplierId())) {
			throw new NotFoundException("obligation", id);
		}
		if (obligation.kind() == ObligationKind.MONTHLY_REPORT) {
			throw InvalidInputException.of("file", "obligation.byReport");
		}
		String text = Text.stripToNull(note);
		if (text != null && text.length() > NOTE_LIMIT) {
			throw InvalidInputException.of("note", "report.field.tooLong", NOTE_LIMIT);
		}
		DocumentType.checked(fileName, content, MAX_DOCUMENT);
		this.decisions.persist(ObligationStore.LEDGER,
				obligation.submit(who.userId(), who.displayName(), Instant.now(), text, fileName, content),
				() -> find(scope, id));
		return find(scope, id);
	}

	@Transactional
	public Obligation accept(DataScope scope, UUID id) {
		Obligation obligation = decidable(scope, id);
		GovCloudPrincipal who = scope.principal();
		this.decisions.persist(ObligationStore.LEDGER,
				obligation.accept(who.userId(), who.displayName(), Instant.now()), () -> find(scope, id));
		return find(scope, id);
	}

	@Transactional
	public Obligation giveBack(DataScope scope, UUID id, String reason) {
		Obligation obligation = decidable(scope, id);
		String text = Text.stripToNull(reason);
		if (text == null || text.length() > NOTE_LIMIT) {
			throw InvalidInputException.of("reason", "obligation.reasonRequired", NOTE_LIMIT);
		}
		GovCloudPrincipal who = scope.principal();
		this.decisions.persist(ObligationStore.LEDGER,
				obligation.giveBack(who.userId(), who.displayName(), Instant.now(), text), () -> find(scope, id));
		return find(scope, id);
	}

	/**
	 * A supplier's share on time per kind in a year (for the assessment, Art. 19): of the
	 * obligations due in the year up to today, those submitted on or before the due day
	 * and not returned since.
	 */
	public List<OnTimeShare> onTime(UUID supplierId, int year) {
		if (year < 2000 || year > 2100) {
			throw InvalidInputException.of("year", "obligation.year");
		}
		Map<ObligationKind, int[]> counts = new EnumMap<>(ObligationKind.class);
		for (Obligation o : this.store.dueIn(supplierId, year, CityTime.today(), calendar())) {
			int[] count = counts.computeIfAbsent(o.kind(), (kind) -> new int[2]);
			count[0]++;
			count[1] += o.onTime() ? 1 : 0;
		}
		return counts.entrySet()
			.stream()
			.map((e) -> new OnTimeShare(e.getKey(), year, e.getValue()[0], e.getValue()[1]))
			.toList();
	}

	/**
	 * What the supplier published elsewhere fulfils its obligation of {@code kind} for
	 * the period holding {@code day} (Art. 14: the security bulletin, the emergency
	 * drill's report): the obligation is generated if the plan has not yet, and submitted
	 * with the note if it is open or was returned; one already submitted stays as it is.
	 * @param by who published it, {@code null} for GovCloud
	 * @return whether it was submitted now
	 */
	@Transactional
	public boolean fulfil(ObligationKind kind, UUID supplierId, LocalDate day, UUID by, String byName, String note) {
		if (kind.perUnit()) {
			throw new IllegalArgumentException(kind + " is fulfilled per unit");
		}
		ObligationRule rule = this.store.rule(kind);
		LocalDate start = rule.period().startOf(day);
		this.store.generate(rule, start, rule.dueOn(start, calendar()), supplierId, null);
		UUID id = this.store.ofSupplier(kind, supplierId, start).orElseThrow();
		Obligation obligation = this.store.find(id, calendar()).orElseThrow();
		if (obligation.status() != ObligationStatus.OPEN && obligation.status() != ObligationStatus.RETURNED) {
			return false;
		}
		this.decisions.persist(ObligationStore.LEDGER,
				obligation.submit(by, byName, Instant.now(), Text.stripToNull(note), null, null),
				() -> this.store.find(id, calendar()).orElseThrow());
		return true;
	}

	/**
	 * Art. 14: the supplier's bulletin or drill report, published in security management,
	 * fulfils its obligation; heard in the publishing transaction, so both commit
	 * together.
	 */
	@EventListener
	void on(SecurityDutyDone done) {
		ObligationKind kind = switch (done.duty()) {
			case BULLETIN -> ObligationKind.SECURITY_BULLETIN;
			case DRILL -> ObligationKind.EMERGENCY_DRILL;
		};
		fulfil(kind, done.supplierId(), done.day(), done.byUserId(), done.byName(), done.note());
	}

	/** Art. 12: submitting the monthly report fulfils its obligation. */
	@ApplicationModuleListener
	void on(ReportSubmitted submitted) {
		ObligationRule rule = this.store.rule(ObligationKind.MONTHLY_REPORT);
		this.store.generate(rule, submitted.month(), rule.dueOn(submitted.month(), calendar()), submitted.supplierId(),
				submitted.unitId());
		UUID id = this.store.monthlyReport(submitted.supplierId(), submitted.unitId(), submitted.month()).orElseThrow();
		Obligation obligation = this.store.find(id, calendar()).orElseThrow();
		if (obligation.status() == ObligationStatus.OPEN || obligation.status() == ObligationStatus.RETURNED) {
			this.decisions.persist(ObligationStore.LEDGER,
					obligation.submit(null, submitted.number(), Instant.now(), submitted.number(), null, null),
					() -> this.store.find(id, calendar()).orElseThrow());
			this.store.linkReport(id, submitted.reportId());
		}
	}

	/**
	 * Art. 16: a restore test recorded in security management is the quarter's restore
	 * test; the obligation of the period holding its day is submitted with it (the
	 * Commission still accepts or returns it).
	 */
	@ApplicationModuleListener
	void on(RestoreTestRecorded recorded) {
		ObligationRule rule = this.store.rule(ObligationKind.BACKUP_RESTORE_TEST);
		LocalDate start = rule.period().startOf(recorded.testedOn());
		this.store.generate(rule, start, rule.dueOn(start, calendar()), recorded.supplierId(), null);
		UUID id = this.store.ofSupplier(ObligationKind.BACKUP_RESTORE_TEST, recorded.supplierId(), start).orElseThrow();
		Obligation obligation = this.store.find(id, calendar()).orElseThrow();
		if (obligation.status() == ObligationStatus.OPEN || obligation.status() == ObligationStatus.RETURNED) {
			String note = "恢复测试 " + recorded.testedOn() + " " + recorded.systemName() + " " + recorded.result().name();
			this.decisions.persist(ObligationStore.LEDGER,
					obligation.submit(null, "GovCloud", Instant.now(), note, null, null),
					() -> this.store.find(id, calendar()).orElseThrow());
		}
	}

	private Obligation decidable(DataScope scope, UUID id) {
		if (!scope.principal().may(Permission.DECIDE_OBLIGATIONS) || !scope.seesAll()) {
			throw new NotFoundException("obligation", id);
		}
		return find(scope, id);
	}

	private WorkingCalendar calendar() {
		return this.calendars.calendar();
	}

	/**
	 * @param due obligations due in the year so far
	 * @param onTime of them, submitted on or before the due day
	 */
	public record OnTimeShare(ObligationKind kind, int year, int due, int onTime) {

		/** 0–100, {@code null} with nothing due. */
		public Integer percent() {
			return (this.due == 0) ? null : (int) Math.round(100.0 * this.onTime / this.due);
		}

	}

}
