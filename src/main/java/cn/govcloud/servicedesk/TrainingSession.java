package cn.govcloud.servicedesk;

import java.time.Instant;
import java.util.UUID;

/**
 * A training session the supplier gives the units (Art. 11).
 *
 * @param place a room or a meeting link
 * @param signedUp how many people are signed up
 */
record TrainingSession(UUID id, UUID supplierId, String supplierName, String topic, String description,
		Instant startsAt, String place, String trainer, int capacity, Status status, int signedUp) {

	public boolean full() {
		return this.signedUp >= this.capacity;
	}

	/** Where a session stands. */
	public enum Status {

		PLANNED, HELD, CANCELLED

	}

	/**
	 * A session as the supplier plans it.
	 *
	 * @param startsAt when it starts
	 */
	public record Form(String topic, String description, Instant startsAt, String place, String trainer,
			Integer capacity) {
	}

	/** One person signed up; {@code attended} is {@code null} until recorded. */
	public record Signup(UUID userId, String name, UUID unitId, String unitName, Boolean attended) {
	}

	/** An attached material, without its content. */
	public record Material(UUID id, String fileName, String contentType) {
	}

	/** How many of a unit's people signed up and attended in a year. */
	public record UnitCount(UUID unitId, String unitName, int sessions, int signedUp, int attended) {
	}

}
