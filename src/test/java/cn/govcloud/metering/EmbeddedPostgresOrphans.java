package cn.govcloud.metering;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The PostgreSQL server a killed GovCloud left running on a data directory. */
final class EmbeddedPostgresOrphans {

	private EmbeddedPostgresOrphans() {
	}

	/** SIGKILL, as a crash would: the next start goes through crash recovery. */
	static void kill(Path dataDir) throws Exception {
		Optional<ProcessHandle> server = server(dataDir);
		if (server.isPresent()) {
			server.get().destroyForcibly();
			server.get().onExit().get(30, TimeUnit.SECONDS);
			// its backends notice the postmaster's death and exit by themselves
			Thread.sleep(2000);
		}
	}

	/** A clean stop, after the test. */
	static void stop(Path dataDir) throws Exception {
		if (dataDir == null) {
			return;
		}
		Optional<ProcessHandle> server = server(dataDir);
		if (server.isPresent()) {
			server.get().destroy();
			server.get().onExit().get(30, TimeUnit.SECONDS);
		}
	}

	private static Optional<ProcessHandle> server(Path dataDir) throws Exception {
		Path pid = dataDir.resolve("pg").resolve("postmaster.pid");
		if (!Files.isRegularFile(pid)) {
			return Optional.empty();
		}
		return ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip())).filter(ProcessHandle::isAlive);
	}

}
