package cn.govcloud.reporting;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import cn.govcloud.contract.ContractFee;
import cn.govcloud.contract.MonthlyFees;
import cn.govcloud.inventory.Instances;
import cn.govcloud.inventory.MonthInstance;
import cn.govcloud.metering.Metric;
import cn.govcloud.reporting.ReportContent.Figures;
import cn.govcloud.reporting.ReportContent.InstanceUsage;
import cn.govcloud.request.ApplicationMonth;
import cn.govcloud.security.BackupSummary;
import cn.govcloud.security.Backups;
import cn.govcloud.servicedesk.TicketMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Drafts the month's reports from the other modules' APIs (ADR 0016): one report per unit
 * and supplier that served it in the month (an instance ran, or a contract was in its
 * term). Every figure is read, none is made up; a unit with no backup policy has its
 * backups shown as not recorded.
 */
@Component
class ReportDrafting {

	/**
	 * Reads at once: PostgreSQL works on every core while GovCloud waits (measured with
	 * bench/reports.sh).
	 */
	static final int READERS = Math.max(2, Runtime.getRuntime().availableProcessors());

	private static final Logger log = LoggerFactory.getLogger(ReportDrafting.class);

	private final Instances instances;

	private final UsageReader usage;

	private final TicketMonth tickets;

	private final ApplicationMonth applications;

	private final MonthlyFees fees;

	private final Backups backups;

	ReportDrafting(Instances instances, UsageReader usage, TicketMonth tickets, ApplicationMonth applications,
			MonthlyFees fees, Backups backups) {
		this.backups = backups;
		this.instances = instances;
		this.usage = usage;
		this.tickets = tickets;
		this.applications = applications;
		this.fees = fees;
	}

	/**
	 * The drafts of {@code month}, of one unit or ({@code null}) of every unit, by unit
	 * and supplier. Each module is read once for all units (the utilisation once per
	 * metric; of the month before only CPU and memory, which the report compares), the
	 * reads at once; then the facts are grouped by unit and supplier in memory.
	 */
	Map<Party, ReportContent> draft(YearMonth month, UUID unitId) {
		long started = System.nanoTime();
		try (Reads reads = new Reads(READERS)) {
			CompletableFuture<List<MonthInstance>> running = reads.start("instances",
					() -> this.instances.during(month, unitId));
			CompletableFuture<Map<UUID, Map<Metric, Figures>>> now = this.usage.month(month, unitId, reads,
					Metric.values());
			CompletableFuture<Map<UUID, Map<Metric, Figures>>> before = this.usage.month(month.minusMonths(1), unitId,
					reads, Metric.CPU, Metric.MEMORY);
			CompletableFuture<List<ContractFee>> fees = reads.start("fees", () -> this.fees.in(month, unitId));
			CompletableFuture<List<TicketMonth.Count>> tickets = reads.start("tickets",
					() -> this.tickets.counts(month, unitId));
			CompletableFuture<List<TicketMonth.Incident>> incidents = reads.start("incidents",
					() -> this.tickets.incidents(month, unitId));
			CompletableFuture<List<ApplicationMonth.Count>> applications = reads.start("applications",
					() -> this.applications.counts(month, unitId));
			CompletableFuture<List<BackupSummary>> backups = reads.start("backups",
					() -> this.backups.summaries(month, unitId));
			MonthFacts facts = new MonthFacts(month);
			Map<UUID, String> systemNames = new HashMap<>();
			for (MonthInstance instance : Reads.result(running)) {
				systemNames.put(instance.systemId(), instance.systemName());
				facts.of(instance.unitId(), instance.supplierId()).usage
					.add(usage(instance, Reads.result(now), Reads.result(before)));
				facts.count(instance);
			}
			for (ContractFee fee : Reads.result(fees)) {
				facts.of(fee.unitId(), fee.supplierId()).fees.add(new ReportContent.Fee(fee.number(),
						systemNames.get(fee.systemId()), fee.amount(), fee.amendments()));
			}
			Reads.result(tickets).forEach(facts::add);
			Reads.result(incidents).forEach(facts::add);
			Reads.result(applications).forEach(facts::add);
			for (BackupSummary summary : Reads.result(backups)) {
				facts.of(summary.unitId(), summary.supplierId()).backups = new ReportContent.Backups(summary.policies(),
						summary.expected(), summary.met(), summary.failed(), summary.missed(), summary.restoreTests(),
						summary.restoreTestsFailed());
			}
			Map<Party, ReportContent> drafts = new LinkedHashMap<>();
			facts.parties()
				.forEach(
						(party, sections) -> drafts.put(party, sections.content(facts.applicationsOf(party.unitId()))));
			if (unitId == null) {
				log.info("Read the facts of {} for {} reports in {} s: {}", month, drafts.size(),
						Math.round((System.nanoTime() - started) / 1e9), reads.timings());
			}
			return drafts;
		}
	}

	private InstanceUsage usage(MonthInstance instance, Map<UUID, Map<Metric, Figures>> now,
			Map<UUID, Map<Metric, Figures>> before) {
		Map<Metric, Figures> month = now.getOrDefault(instance.id(), Map.of());
		Map<Metric, Figures> previous = before.getOrDefault(instance.id(), Map.of());
		Figures cpu = month.get(Metric.CPU);
		Figures memory = month.get(Metric.MEMORY);
		Figures disk = month.get(Metric.DISK);
		return new InstanceUsage(instance.name(), instance.systemName(), instance.kind(),
				this.usage.spec(instance.spec()), cpu, memory, disk, month.get(Metric.NET_IN),
				month.get(Metric.NET_OUT), average(previous.get(Metric.CPU)), average(previous.get(Metric.MEMORY)),
				UsageThresholds.idle(cpu, memory), UsageThresholds.hot(cpu, memory, disk));
	}

	private static Double average(Figures figures) {
		return (figures != null) ? figures.avg() : null;
	}

	/** A unit and a supplier that served it. */
	record Party(UUID unitId, UUID supplierId) {
	}

	/** Totals of an empty section, for a unit that had no contract fees. */
	static final BigDecimal NOTHING = BigDecimal.ZERO.setScale(2);

	/** The sections one report collects while the month's facts are read. */
	static final class Sections {

		final List<InstanceUsage> usage = new ArrayList<>();

		final List<ReportContent.Fee> fees = new ArrayList<>();

		final List<ReportContent.TicketLine> tickets = new ArrayList<>();

		final List<ReportContent.Incident> incidents = new ArrayList<>();

		int provisioned;

		int reclaimed;

		ReportContent.Backups backups;

		private static Double p95(Figures figures) {
			return (figures != null) ? figures.p95() : null;
		}

		ReportContent content(int[] applications) {
			usage.sort((a, b) -> a.name().compareTo(b.name()));
			List<ReportContent.Suggestion> suggestions = usage.stream()
				.filter((u) -> u.idle() || u.hot())
				.map((u) -> new ReportContent.Suggestion(u.name(), u.hot() ? "HOT" : "IDLE", p95(u.cpu()),
						p95(u.memory())))
				.toList();
			int amendments = fees.stream().mapToInt(ReportContent.Fee::amendments).sum();
			BigDecimal total = fees.stream().map(ReportContent.Fee::amount).reduce(NOTHING, BigDecimal::add);
			return new ReportContent(usage, new ReportContent.Operations(tickets, incidents, applications[0],
					applications[1], applications[2], amendments, provisioned, reclaimed, backups), suggestions, fees,
					total);
		}

	}

}
