package cn.govcloud.world;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.springframework.stereotype.Component;

/**
 * Writes the hosts' utilisation through the metering module's bulk history load.
 */
@Component
class WorldUtilisation {

	void write(List<Scene.Host> hosts, int days, Instant now, Random random) {
		// Written once metering's UtilisationHistory is available.
	}

}
