package cn.govcloud.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import cn.govcloud.bench.NodeFleet.Series;

/**
 * Every request of a benchmark, encoded before any timing: {@code rounds} scrapes of the
 * whole fleet, split over {@code senders} shards as Prometheus's queue manager splits
 * them (a series always in the same shard, by a hash of its identity), each shard's
 * samples cut into requests of {@code batch} samples, in time order.
 */
public final class Workload {

	private final List<List<Payload>> shards;

	private final int rounds;

	private final long seriesCount;

	private Workload(List<List<Payload>> shards, int rounds, long seriesCount) {
		this.shards = shards;
		this.rounds = rounds;
		this.seriesCount = seriesCount;
	}

	public static Workload build(NodeFleet fleet, int rounds, int senders, int batch) {
		List<List<List<Payload>>> byRound = IntStream.range(0, rounds)
			.parallel()
			.mapToObj((round) -> round(fleet, round, senders, batch))
			.toList();
		List<List<Payload>> shards = new ArrayList<>();
		for (int shard = 0; shard < senders; shard++) {
			List<Payload> requests = new ArrayList<>();
			for (List<List<Payload>> round : byRound) {
				requests.addAll(round.get(shard));
			}
			shards.add(requests);
		}
		long series = byRound.get(0).stream().flatMap(List::stream).mapToLong(Payload::samples).sum();
		return new Workload(shards, rounds, series);
	}

	private static List<List<Payload>> round(NodeFleet fleet, int round, int senders, int batch) {
		List<List<Payload>> shards = new ArrayList<>();
		List<RemoteWriteEncoder> encoders = new ArrayList<>();
		for (int shard = 0; shard < senders; shard++) {
			shards.add(new ArrayList<>());
			encoders.add(new RemoteWriteEncoder());
		}
		for (int host = 0; host < fleet.hosts(); host++) {
			long timestamp = fleet.timestamp(host, round);
			List<Series> series = fleet.series(host);
			for (int index = 0; index < series.size(); index++) {
				int shard = shard(host, index, senders);
				RemoteWriteEncoder encoder = encoders.get(shard);
				Series one = series.get(index);
				encoder.add(one.encodedLabels(), one.value(round, timestamp), timestamp);
				if (encoder.samples() == batch) {
					shards.get(shard).add(new Payload(encoder.snappy(), batch, round));
					encoders.set(shard, new RemoteWriteEncoder());
				}
			}
		}
		for (int shard = 0; shard < senders; shard++) {
			RemoteWriteEncoder rest = encoders.get(shard);
			if (rest.samples() > 0) {
				shards.get(shard).add(new Payload(rest.snappy(), rest.samples(), round));
			}
		}
		return shards;
	}

	/** Prometheus shards by a hash of the series' labels; any stable hash does. */
	static int shard(int host, int index, int senders) {
		long mixed = (host * 0x9E3779B97F4A7C15L) ^ (index * 0xC2B2AE3D27D4EB4FL);
		mixed ^= mixed >>> 33;
		mixed *= 0xFF51AFD7ED558CCDL;
		mixed ^= mixed >>> 33;
		return (int) Math.floorMod(mixed, (long) senders);
	}

	public List<List<Payload>> shards() {
		return this.shards;
	}

	public int rounds() {
		return this.rounds;
	}

	public long series() {
		return this.seriesCount;
	}

	public long samples() {
		return this.shards.stream().flatMap(List::stream).mapToLong(Payload::samples).sum();
	}

	public long requests() {
		return this.shards.stream().mapToLong(List::size).sum();
	}

	public long bytes() {
		return this.shards.stream().flatMap(List::stream).mapToLong((payload) -> payload.body().length).sum();
	}

	/** One request body (snappy-compressed protobuf) and how many samples it carries. */
	public record Payload(byte[] body, int samples, int round) {
	}

}
