package cn.govcloud.rightsizing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.inventory.InstanceDirectory;
import cn.govcloud.inventory.SizedInstance;
import cn.govcloud.metering.DailyPeaks;
import cn.govcloud.shared.CityTime;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every ACTIVE instance's recommendation from the daily rollups (Art. 8),
 * daily ({@code govcloud.rightsizing.cron}, by default 03:30 city time, after metering
 * has sealed the day before), in the mode the Commission chose. The day's recommendations
 * replace any computed earlier that day, keeping their ids (orders link to them), in one
 * transaction: several nodes or a rerun leave one set.
 */
@Service
public class Recomputation {

	/** Instances whose days are read per query. */
	static final int CHUNK = 2_000;

	private final InstanceDirectory directory;

	private final DailyPeaks peaks;

	private final FactsBuilder builder;

	private final RecommendationStore store;

	private final ModeChoice modes;

	Recomputation(InstanceDirectory directory, DailyPeaks peaks, FactsBuilder builder, RecommendationStore store,
			ModeChoice modes) {
		this.directory = directory;
		this.peaks = peaks;
		this.builder = builder;
		this.store = store;
		this.modes = modes;
	}

	@Scheduled(cron = "${govcloud.rightsizing.cron:0 30 3 * * *}", zone = "Asia/Shanghai")
	void daily() {
		recompute(CityTime.today());
	}

	/**
	 * Computes the recommendations of {@code on} from the window of days before it.
	 * @return how many instances were judged
	 */
	@Transactional
	public int recompute(LocalDate on) {
		RightsizingSettings settings = this.modes.settings();
		RecommendationRules rules = new RecommendationRules(settings);
		List<SizedInstance> instances = this.directory.active();
		FactsBuilder.Context context = this.builder.context(instances, on);
		this.store.lock();
		for (int from = 0; from < instances.size(); from += CHUNK) {
			List<SizedInstance> chunk = instances.subList(from, Math.min(from + CHUNK, instances.size()));
			Map<UUID, List<DailyUsage>> days = days(chunk, on.minusDays(settings.windowDays()), on.minusDays(1));
			List<StoredRecommendation> computed = new ArrayList<>(chunk.size());
			for (SizedInstance instance : chunk) {
				InstanceFacts facts = this.builder.facts(context, instance,
						days.getOrDefault(instance.id(), List.of()));
				computed.add(new StoredRecommendation(instance, on, settings.mode(), rules.recommend(facts, on),
						Savings.inForce(facts.prices(), on)));
			}
			this.store.insert(computed);
		}
		this.store.removeOthers(on, instances.stream().map(SizedInstance::id).toList());
		return instances.size();
	}

	private Map<UUID, List<DailyUsage>> days(List<SizedInstance> chunk, LocalDate from, LocalDate to) {
		return DailyUsages
			.byInstance(this.peaks.cpuAndMemory(chunk.stream().map(SizedInstance::id).toList(), from, to));
	}

}
