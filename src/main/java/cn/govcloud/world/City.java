package cn.govcloud.world;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The organisations and people of a world: who acts in each step of a lifecycle.
 */
final class City {

	UUID commission;

	UUID finance;

	final List<Person> reviewers = new ArrayList<>();

	final List<Person> managers = new ArrayList<>();

	final List<Supplier> suppliers = new ArrayList<>();

	final List<Unit> units = new ArrayList<>();

	/** A person: id and username (the audit trail names people by username). */
	record Person(UUID id, String username, UUID organization, String organizationName) {
	}

	/** A supplier with its operators and managers. */
	static final class Supplier {

		final UUID id;

		final String name;

		final List<Person> operators = new ArrayList<>();

		final List<Person> managers = new ArrayList<>();

		Supplier(UUID id, String name) {
			this.id = id;
			this.name = name;
		}

	}

	/** A unit with its administrators, members and security officers. */
	static final class Unit {

		final UUID id;

		final String name;

		final List<Person> admins = new ArrayList<>();

		final List<Person> members = new ArrayList<>();

		final List<Person> officers = new ArrayList<>();

		int systems;

		Unit(UUID id, String name) {
			this.id = id;
			this.name = name;
		}

		/**
		 * Whoever drafts and submits for the unit: a member, or else an administrator.
		 */
		Person clerk(int n) {
			return this.members.isEmpty() ? this.admins.get(0) : this.members.get(n % this.members.size());
		}

	}

}
