package cn.govcloud.world;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
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
 * metering module's bulk history load: the rollups ingest would have written. Host by
 * host, each host's whole history at once (every hour and day is written once), in one
 * load.
 */
@Component
class WorldUtilisation {

	private static final Logger log = LoggerFactory.getLogger(WorldUtilisation.class);

	private static final int PROGRESS = 1000;

	private static final long FIVE_MINUTES = 300;

	private final UtilisationHistory history;

	WorldUtilisation(UtilisationHistory history) {
		this.history = history;
	}

	void write(List<Scene.Host> hosts, int days, Instant now, Random random) {
		if (days == 0 || hosts.isEmpty()) {
			return;
		}
		Instant to = Instant.ofEpochSecond(now.getEpochSecond() / FIVE_MINUTES * FIVE_MINUTES);
		Instant from = to.minus(days, ChronoUnit.DAYS);
		// A host's whole history goes in one load: metering packs a series' points per
		// UTC day and rolls days up per city day, so history cut into windows at either
		// midnight would write one of those rows twice. The hosts' series are made as
		// the load reads them (on its own thread, a chunk ahead of its writes).
		Iterator<Series> series = new Iterator<>() {

			private int done;

			private Iterator<Series> host = Collections.emptyIterator();

			@Override
			public boolean hasNext() {
				while (!this.host.hasNext() && this.done < hosts.size()) {
					this.host = series(hosts.get(this.done++), from, to, random).iterator();
					if (this.done % PROGRESS == 0 || this.done == hosts.size()) {
						log.info("World: utilisation of {} days made for {} of {} hosts", days, this.done,
								hosts.size());
					}
				}
				return this.host.hasNext();
			}

			@Override
			public Series next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return this.host.next();
			}

		};
		this.history.load(series);
		log.info("World: utilisation of {} days written for {} hosts", days, hosts.size());
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
