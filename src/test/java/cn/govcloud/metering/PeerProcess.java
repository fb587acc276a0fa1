package cn.govcloud.metering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A program GovCloud talks to in tests and the benchmark (Prometheus, node_exporter,
 * GovCloud's own jar), started as a separate process with its output in a log file and
 * killed by its own process id, never by name.
 */
public final class PeerProcess implements AutoCloseable {

	private final String name;

	private final Process process;

	private final Path log;

	private PeerProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/** Starts {@code command} with {@code environment} added, output to {@code log}. */
	public static PeerProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		try {
			return new PeerProcess(name, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name + ": " + command, ex);
		}
	}

	/** A TCP port nobody listens on right now. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether {@code program} is an executable file. */
	public static boolean installed(String program) {
		return Files.isExecutable(Path.of(program));
	}

	/**
	 * Waits until {@code url} answers 200, at most {@code timeout}; fails with the end of
	 * the log if the process dies or the time runs out.
	 */
	public PeerProcess awaitHttp(String url, Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + ":\n" + tail());
			}
			try {
				HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return this;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			pause(Duration.ofMillis(250));
		}
		throw new IllegalStateException(this.name + " did not answer " + url + " within " + timeout + ":\n" + tail());
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean alive() {
		return this.process.isAlive();
	}

	/** SIGKILL, as {@code kill -9}: no shutdown hook runs. */
	public void kill() {
		this.process.destroyForcibly();
		waitFor();
	}

	/** SIGTERM, then SIGKILL if it has not ended within ten seconds. */
	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
				kill();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	/** The last lines of the process's output. */
	public String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private void waitFor() {
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
