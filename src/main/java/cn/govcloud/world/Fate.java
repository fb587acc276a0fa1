package cn.govcloud.world;

import java.util.Random;

/**
 * Where a system's lifecycle stands in the world, with its share of the systems: most run
 * on the platform; the rest wait in every queue or stand in every other status.
 */
enum Fate {

	RUNNING(60, true), OPEN_ORDER(4, true), COMPLETED_ORDER(3, true), TERMINATED(3, true), CONTRACT_SUBMITTED(4, false),
	APP_SUBMITTED(6, false), APP_RETURNED(2, false), APP_REJECTED(2, false), APP_DRAFT(3, false), LEGACY(6, false),
	MIGRATING(4, false), EXEMPT(3, false);

	/** The first unit's systems (the demo unit): one of each that shows work waiting. */
	static final Fate[] SHOWCASE = { RUNNING, RUNNING, RUNNING, OPEN_ORDER, COMPLETED_ORDER, CONTRACT_SUBMITTED,
			APP_SUBMITTED, APP_RETURNED, TERMINATED, MIGRATING, LEGACY, APP_DRAFT, RUNNING, EXEMPT };

	final int share;

	final boolean hosts;

	Fate(int share, boolean hosts) {
		this.share = share;
		this.hosts = hosts;
	}

	static Fate draw(Random random) {
		int n = random.nextInt(100);
		for (Fate fate : values()) {
			n -= fate.share;
			if (n < 0) {
				return fate;
			}
		}
		return RUNNING;
	}

}
