package cn.govcloud.world;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.govcloud.metering.Metric;
import cn.govcloud.metering.UtilisationHistory;
import cn.govcloud.metering.UtilisationHistory.Series;
import cn.govcloud.shared.CityTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Writes the hosts' utilisation (CPU, memory, the root disk, eth0 in and out) from the
 * later of their acceptance and {@code days} ago, up to their reclaim or now, through the
 * metering module's bulk history load: the rollups ingest would have written. Newest
 * first, in windows of whole city days (so every hour and day is written once): today's
 * charts have lines long before the 35th day back is written.
 */
@Component
class WorldUtilisation {

	private static final Logger log = LoggerFactory.getLogger(WorldUtilisation.class);

	private static final int HOSTS_PER_LOAD = 200;

	private static final long FIVE_MINUTES = 300;

	private final UtilisationHistory history;

	WorldUtilisation(UtilisationHistory history) {
		this.history = history;
	}

	void write(List<Scene.Host> hosts, int days, Instant now, Random random) {
		if (days == 0 || hosts.isEmpty()) {
			return;
		}
		Instant end = Instant.ofEpochSecond(now.getEpochSecond() / FIVE_MINUTES * FIVE_MINUTES);
		Instant earliest = end.minus(days, ChronoUnit.DAYS);
		LocalDate today = CityTime.today();
		int[] windows = { 0, 1, 7, 14, 21, 28, days + 1 };
		for (int w = 0; w + 1 < windows.length && windows[w] <= days; w++) {
			Instant to = (w == 0) ? end : CityTime.startOf(today.minusDays(windows[w] - 1));
			Instant from = CityTime.startOf(today.minusDays(windows[w + 1] - 1));
			from = from.isBefore(earliest) ? earliest : from;
			if (!from.isBefore(to)) {
				continue;
			}
			for (int i = 0; i < hosts.size(); i += HOSTS_PER_LOAD) {
				List<Series> series = new ArrayList<>();
				for (Scene.Host host : hosts.subList(i, Math.min(hosts.size(), i + HOSTS_PER_LOAD))) {
					series.addAll(series(host, from, to, random));
				}
				this.history.load(series.iterator());
			}
			log.info("World: utilisation of {} hosts written back to {} ({} of {} days)", hosts.size(),
					CityTime.minutes(from), Math.min(days, windows[w + 1]), days);
		}
	}

	private static List<Series> series(Scene.Host host, Instant from, Instant to, Random random) {
		Instant active = CityTime.startOf(host.activeFrom());
		Instant start = active.isAfter(from) ? active : from;
		Instant stop = (host.until() != null) ? CityTime.startOf(host.until().plusDays(1)) : to;
		stop = stop.isBefore(to) ? stop : to;
		int points = (int) ((stop.getEpochSecond() - start.getEpochSecond()) / FIVE_MINUTES);
		if (points <= 0) {
			return List.of();
		}
		Random own = new Random(host.id().getLeastSignificantBits() ^ start.getEpochSecond());
		double[] cpu = Shapes.cpu(start, points, host.profile(), own);
		double scale = 2e5 * host.vcpu() * (1 + host.profile() % 20);
		return List.of(new Series(host.id(), Metric.CPU, "", start, cpu),
				new Series(host.id(), Metric.MEMORY, "", start, Shapes.memory(cpu, host.profile(), own)),
				new Series(host.id(), Metric.DISK, "/", start, Shapes.disk(cpu, host.profile(), own)),
				new Series(host.id(), Metric.NET_IN, "eth0", start, Shapes.network(cpu, scale, own)),
				new Series(host.id(), Metric.NET_OUT, "eth0", start, Shapes.network(cpu, scale * 0.6, own)));
	}

}
