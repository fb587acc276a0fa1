package cn.govcloud.world;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spreads the systems over the units (the first unit, a demo unit, gets one system of
 * each kind of waiting work) and the hosts over the systems that run (a few large, many
 * small), then lives every system's life, unit by unit, with progress in the log.
 */
final class Population {

	private static final Logger log = LoggerFactory.getLogger(Population.class);

	/**
	 * Hosts asked for beyond the size: cuts, half-recorded open orders and reclaimed
	 * hosts leave about this much fewer in the inventory (measured at tier S).
	 */
	private static final double SPARE = 1.15;

	private final Scene scene;

	private final Lifecycle lifecycle;

	private final WorldSize size;

	Population(Scene scene, Lifecycle lifecycle, WorldSize size) {
		this.scene = scene;
		this.lifecycle = lifecycle;
		this.size = size;
	}

	void populate(Runnable flush) {
		List<City.Unit> units = this.scene.city.units;
		int[] systems = systemsPerUnit(units.size());
		List<List<Fate>> fates = new ArrayList<>();
		List<Double> weights = new ArrayList<>();
		double total = 0;
		for (int u = 0; u < units.size(); u++) {
			List<Fate> unitFates = new ArrayList<>();
			for (int s = 0; s < systems[u]; s++) {
				Fate fate = (u == 0 && s < Fate.SHOWCASE.length) ? Fate.SHOWCASE[s] : Fate.draw(this.scene.random);
				unitFates.add(fate);
				double weight = fate.hosts ? Math.exp(this.scene.random.nextGaussian() * 0.8) : 0;
				weights.add(weight);
				total += weight;
			}
			fates.add(unitFates);
		}
		int w = 0;
		int step = Math.max(1, units.size() / 10);
		for (int u = 0; u < units.size(); u++) {
			for (Fate fate : fates.get(u)) {
				double weight = weights.get(w++);
				int hosts = fate.hosts ? Math.max(1, (int) Math.round(weight / total * this.size.hosts() * SPARE)) : 0;
				this.lifecycle.live(units.get(u), fate, hosts);
			}
			flush.run();
			if ((u + 1) % step == 0) {
				log.info("World: {} of {} units lived ({} hosts so far)", u + 1, units.size(), this.scene.hosts.size());
			}
		}
	}

	private int[] systemsPerUnit(int units) {
		int[] systems = new int[units];
		java.util.Arrays.fill(systems, 1);
		int left = this.size.systems() - units;
		int first = Math.min(Fate.SHOWCASE.length - 1, left);
		systems[0] += first;
		left -= first;
		while (left-- > 0) {
			systems[1 + this.scene.random.nextInt(units - 1)]++;
		}
		return systems;
	}

}
