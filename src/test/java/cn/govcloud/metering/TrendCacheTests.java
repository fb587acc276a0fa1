package cn.govcloud.metering;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which trend lines are kept and which are read again (issue 13). */
class TrendCacheTests {

	private final TrendCache cache = new TrendCache();

	private final AtomicInteger reads = new AtomicInteger();

	private final UUID[] city = { UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID() };

	@AfterEach
	void stop() {
		this.cache.destroy();
	}

	@Test
	void aLineEndingNowIsReadOnceForTheSameInstancesInAnyOrder() {
		Instant now = Instant.now();
		List<TrendPoint> first = line(this.city, now);
		UUID[] reordered = { this.city[2], this.city[0], this.city[1] };
		List<TrendPoint> second = line(reordered, now.plusSeconds(5));

		assertThat(this.reads).hasValue(1);
		assertThat(second).isEqualTo(first);
	}

	@Test
	void anotherSetOfInstancesOrAnotherMetricIsReadAnew() {
		Instant now = Instant.now();
		line(this.city, now);
		line(new UUID[] { this.city[0], this.city[1] }, now);
		this.cache.line(this.city, Metric.MEMORY, now.minus(Duration.ofDays(7)), now, this::read);

		assertThat(this.reads).hasValue(3);
	}

	@Test
	void aWindowInThePastIsReadEachTime() {
		Instant past = Instant.now().minus(Duration.ofDays(3));
		line(this.city, past);
		line(this.city, past);

		assertThat(this.reads).hasValue(2);
	}

	@Test
	void anEmptyLineIsNotKept() {
		Instant now = Instant.now();
		this.cache.line(this.city, Metric.CPU, now.minus(Duration.ofDays(7)), now, (from, to) -> {
			this.reads.incrementAndGet();
			return List.of();
		});
		line(this.city, now);

		assertThat(this.reads).hasValue(2);
	}

	private List<TrendPoint> line(UUID[] ids, Instant to) {
		return this.cache.line(ids, Metric.CPU, to.minus(Duration.ofDays(7)), to, this::read);
	}

	private List<TrendPoint> read(Instant from, Instant to) {
		this.reads.incrementAndGet();
		return List.of(new TrendPoint(from, 0.5, 0.9, 3));
	}

}
