package cn.govcloud.metering;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Metering's settings ({@code govcloud.metering.*}).
 *
 * @param matchLabel the label whose value (its host part: {@code :port} stripped) is
 * compared with an instance's IP address or name; a {@code govcloud_instance_id} label is
 * always compared with the cloud instance id first
 * @param maxBody the largest compressed request body accepted (413 beyond)
 * @param maxUncompressed the largest declared uncompressed size accepted (413 beyond),
 * checked before decompressing
 * @param futureTolerance samples further ahead of GovCloud's clock are rejected
 * @param maxAge samples older than this are rejected (the 5-minute rollups are kept no
 * longer)
 * @param credentialCache how long a checked ingest credential is trusted without asking
 * the database again (revoking evicts it at once on this node)
 * @param retention how long each rollup is kept
 * @param shedding when remote write answers 429 instead of waiting
 * @param heldFor how long samples of a host not in the inventory are kept, to be rolled
 * up if the host is recorded in that time (ADR 0036)
 */
@ConfigurationProperties("govcloud.metering")
record MeteringSettings(@DefaultValue("instance") String matchLabel, @DefaultValue("16MB") DataSize maxBody,
		@DefaultValue("64MB") DataSize maxUncompressed, @DefaultValue("10m") Duration futureTolerance,
		@DefaultValue("34d") Duration maxAge, @DefaultValue("60s") Duration credentialCache,
		@DefaultValue Retention retention, @DefaultValue Shedding shedding, @DefaultValue("7d") Duration heldFor) {

	/**
	 * Load shedding (ADR 0012): a request is answered 429 with {@code Retry-After} when
	 * {@code maxConcurrent} requests of this node are already being stored (the rest of
	 * the connection pool stays for the consumer and the pages), or when more than
	 * {@code maxBacklog} batches wait for the rollup consumer.
	 */
	public record Shedding(@DefaultValue("8") int maxConcurrent, @DefaultValue("20000") int maxBacklog,
			@DefaultValue("5s") Duration retryAfter) {
	}

	/** Retention of each rollup; old data goes by dropping whole partitions. */
	public record Retention(@DefaultValue("35d") Duration fiveMinute, @DefaultValue("395d") Duration hourly,
			@DefaultValue("1825d") Duration daily) {
	}

}
