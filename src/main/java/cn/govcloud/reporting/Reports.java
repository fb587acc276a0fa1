package cn.govcloud.reporting;

import java.time.Instant;
import java.util.UUID;

import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly reports (Art. 12; PRODUCT C11). A unit reads its own, a supplier those it
 * gave (its own {@code supplier_id}, DataScope's party rule), the Commission every one;
 * out of scope reads as not found. The supplier writes its narrative and suggestions on a
 * draft and submits it; the unit acknowledges it; a submitted report never changes, a
 * correction is its next version.
 */
@Service
public class Reports {

	static final int TEXT_LIMIT = 10_000;

	private final ReportStore store;

	private final Decisions decisions;

	Reports(ReportStore store, Decisions decisions) {
		this.store = store;
		this.decisions = decisions;
	}

	public Page<MonthlyReport> search(DataScope scope, ReportFilter filter, String sort, int page, int size) {
		return this.store.search(scope, filter, Page.request(page, size, ReportStore.SORTABLE.parse(sort)));
	}

	public ReportView view(DataScope scope, UUID id) {
		MonthlyReport report = find(scope, id);
		return new ReportView(report, this.store.content(id), this.store.versions(report));
	}

	public MonthlyReport find(DataScope scope, UUID id) {
		return scope.requireParty(this.store.find(id), MonthlyReport::unitId, MonthlyReport::supplierId, "report", id);
	}

	/** The supplier's narrative and suggestions, on a draft only. */
	@Transactional
	public MonthlyReport write(DataScope scope, UUID id, String narrative, String suggestions) {
		MonthlyReport report = supplierDraft(scope, id);
		String text = checked("narrative", narrative);
		String more = checked("suggestions", suggestions);
		if (!this.store.saveTexts(id, text, more)) {
			throw find(scope, id).alreadyDecided();
		}
		return find(scope, id);
	}

	/** Art. 12: the supplier submits; from now on this version never changes. */
	@Transactional
	public MonthlyReport submit(DataScope scope, UUID id) {
		MonthlyReport report = supplierDraft(scope, id);
		GovCloudPrincipal who = scope.principal();
		this.decisions.persist(ReportStore.LEDGER,
				report.submit(who.userId(), who.displayName(), Instant.now(), CityTime.today()), () -> find(scope, id));
		return find(scope, id);
	}

	/** Art. 12: the unit confirms it received the report. */
	@Transactional
	public MonthlyReport acknowledge(DataScope scope, UUID id) {
		MonthlyReport report = find(scope, id);
		GovCloudPrincipal who = scope.principal();
		if (!who.may(Permission.ACKNOWLEDGE_REPORTS) || !who.organizationId().equals(report.unitId())) {
			throw new NotFoundException("report", id);
		}
		this.decisions.persist(ReportStore.LEDGER, report.acknowledge(who.userId(), who.displayName(), Instant.now()),
				() -> find(scope, id));
		return find(scope, id);
	}

	/**
	 * A correction of a submitted report: its next version, a draft with the same figures
	 * and texts, which the supplier edits and submits. Only from the latest version.
	 */
	@Transactional
	public UUID correct(DataScope scope, UUID id) {
		MonthlyReport report = supplierReport(scope, id);
		ReportView view = new ReportView(report, null, this.store.versions(report));
		if (report.status() == ReportStatus.DRAFT || view.superseded()) {
			throw InvalidInputException.of("id", "report.correctLatestSubmitted");
		}
		UUID next = this.store.correction(report, Instant.now());
		this.decisions.record(ReportStore.LEDGER, next, new cn.govcloud.shared.StateChange.History("CORRECTS",
				scope.principal().userId(), report.number(), Instant.now()));
		return next;
	}

	private MonthlyReport supplierDraft(DataScope scope, UUID id) {
		MonthlyReport report = supplierReport(scope, id);
		if (report.status() != ReportStatus.DRAFT) {
			throw report.alreadyDecided();
		}
		return report;
	}

	/** A report of the caller's own supplier; anyone else's reads as not found. */
	private MonthlyReport supplierReport(DataScope scope, UUID id) {
		MonthlyReport report = find(scope, id);
		GovCloudPrincipal who = scope.principal();
		if (!who.may(Permission.SUBMIT_REPORTS) || !who.organizationId().equals(report.supplierId())) {
			throw new NotFoundException("report", id);
		}
		return report;
	}

	private static String checked(String field, String value) {
		String text = Text.stripToNull(value);
		if (text != null && text.length() > TEXT_LIMIT) {
			throw InvalidInputException.of(field, "report.field.tooLong", TEXT_LIMIT);
		}
		return text;
	}

}
