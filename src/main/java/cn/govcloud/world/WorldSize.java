package cn.govcloud.world;

import java.util.Locale;

/**
 * How big a world is (PRODUCT tiers): units, application systems, cloud hosts, and days
 * of utilisation.
 */
record WorldSize(String tier, int units, int systems, int hosts, int days) {

	public static final WorldSize S = new WorldSize("S", 60, 200, 800, 35);

	public static final WorldSize M = new WorldSize("M", 250, 1_000, 5_000, 35);

	public static final WorldSize L = new WorldSize("L", 1_000, 7_500, 30_000, 35);

	public WorldSize {
		if (units < 2 || systems < units || hosts < 1 || days < 0 || days > 35) {
			throw new IllegalArgumentException("A world needs at least 2 units, a system per unit, a host, and 0 to 35 "
					+ "days of utilisation: " + units + "/" + systems + "/" + hosts + "/" + days);
		}
	}

	/** S, M or L. */
	public static WorldSize tier(String name) {
		return switch (name.toUpperCase(Locale.ROOT)) {
			case "S" -> S;
			case "M" -> M;
			case "L" -> L;
			default -> throw new IllegalArgumentException("Unknown world tier " + name + " (S, M, L or custom)");
		};
	}

}
