package cn.govcloud.world;

import java.util.Locale;

import cn.govcloud.shared.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Generates the world on the first start of a database when asked:
 * {@code govcloud.world.tier} {@code auto} (tier S with demo data, i.e. on the embedded
 * default or with {@code GOVCLOUD_DEMO_DATA=true}; nothing otherwise), {@code none},
 * {@code S}, {@code M}, {@code L} or {@code custom} ({@code govcloud.world.units},
 * {@code systems}, {@code hosts}, {@code days}).
 */
@Component
class WorldStartup {

	private static final Logger log = LoggerFactory.getLogger(WorldStartup.class);

	private final World world;

	private final DatabaseMode mode;

	private final Environment environment;

	WorldStartup(World world, DatabaseMode mode, Environment environment) {
		this.world = world;
		this.mode = mode;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void onStart() {
		WorldSize size = wanted();
		if (size == null) {
			return;
		}
		if (this.world.exists()) {
			log.info("A world was generated on this database before: not generating another");
			return;
		}
		try {
			this.world.generate(size, this.environment.getProperty("govcloud.world.seed", Long.class, 13L),
					this.environment.getProperty("govcloud.world.utilisation-in-background", Boolean.class, true));
		}
		catch (RuntimeException ex) {
			// GovCloud runs on without (all of) its world: the records are one
			// transaction, so
			// a failed generation leaves none and is tried again at the next start.
			log.error("Could not generate the world: {}", ex.getMessage(), ex);
		}
	}

	WorldSize wanted() {
		String tier = this.environment.getProperty("govcloud.world.tier", "auto").strip().toLowerCase(Locale.ROOT);
		return switch (tier) {
			case "auto" -> this.mode.demoData() ? WorldSize.S : null;
			case "none", "", "false" -> null;
			case "custom" -> new WorldSize("custom", number("units", 60), number("systems", 200), number("hosts", 800),
					number("days", 35));
			default -> withDays(WorldSize.tier(tier));
		};
	}

	/** A tier with fewer days of utilisation when {@code govcloud.world.days} says so. */
	private WorldSize withDays(WorldSize tier) {
		Integer days = this.environment.getProperty("govcloud.world.days", Integer.class);
		return (days == null) ? tier : new WorldSize(tier.tier(), tier.units(), tier.systems(), tier.hosts(), days);
	}

	private int number(String name, int fallback) {
		return this.environment.getProperty("govcloud.world." + name, Integer.class, fallback);
	}

}
