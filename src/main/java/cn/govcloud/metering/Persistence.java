package cn.govcloud.metering;

import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * After a request is sorted out: its batch committed, its unregistered hosts noted, and
 * the operators' counters ({@code govcloud.metering.samples{outcome}}) moved.
 */
@Component
class Persistence {

	private final BatchLog batches;

	private final UnregisteredHosts unregistered;

	private final Counter[] counters;

	private final LoadShedding shedding;

	Persistence(BatchLog batches, UnregisteredHosts unregistered, MeterRegistry meters, LoadShedding shedding) {
		this.batches = batches;
		this.unregistered = unregistered;
		this.shedding = shedding;
		String[] outcomes = { "received", "stored", "ignored", "duplicate", "out_of_order", "rejected", "unmatched" };
		this.counters = new Counter[outcomes.length];
		for (int i = 0; i < outcomes.length; i++) {
			this.counters[i] = Counter.builder("govcloud.metering.samples")
				.description("Samples received by metering, by outcome")
				.tag("outcome", outcomes[i])
				.register(meters);
		}
	}

	/** The node's load shedding (429 instead of waiting). */
	LoadShedding shedding() {
		return this.shedding;
	}

	void commit(UUID supplier, RequestIngest request) {
		this.batches.commit(supplier, request);
		for (int i = 0; i < request.unmatchedSeen.size(); i++) {
			this.unregistered.seen(supplier, request.unmatchedSeen.get(i), request.unmatchedCounts.get(i));
		}
		IngestOutcome outcome = request.outcome();
		int[] values = { outcome.received(), outcome.stored(), outcome.ignored(), outcome.duplicate(),
				outcome.outOfOrder(), outcome.rejected(), outcome.unmatched() };
		for (int i = 0; i < values.length; i++) {
			if (values[i] > 0) {
				this.counters[i].increment(values[i]);
			}
		}
	}

}
