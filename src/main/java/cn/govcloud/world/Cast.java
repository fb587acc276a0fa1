package cn.govcloud.world;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.organization.CreditCode;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Role;
import cn.govcloud.world.City.Person;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The organisations and people of the world: those that exist (the demo accounts) are
 * kept and given work; the rest are registered as the system administrator would, every
 * person with a role and the demo password (one hash, ADR 0013).
 */
final class Cast {

	static final String ORGANIZATION = "organization (id, kind, name, credit_code, contact_person, contact_phone, active, created_at)";

	static final String USER = "app_user (id, username, display_name, organization_id, phone, email, password_hash, "
			+ "password_changed_at, must_change_password, created_at)";

	static final String ROLE = "user_role (user_id, role)";

	private static final String[] SUPPLIERS = { "宜兴政务云服务有限公司", "中国电信宜兴分公司政务云", "江苏移动宜兴政企云服务中心" };

	private final JdbcClient jdbc;

	private final Copy copy;

	private final Random random;

	private final Instant created;

	private final String passwordHash;

	private final Set<String> names = new HashSet<>();

	private final java.util.Map<UUID, String> orgNames = new java.util.HashMap<>();

	Cast(JdbcClient jdbc, Copy copy, Random random, Instant created, String passwordHash) {
		this.jdbc = jdbc;
		this.copy = copy;
		this.random = random;
		this.created = created;
		this.passwordHash = passwordHash;
	}

	City build(WorldSize size) {
		City city = new City();
		this.names.addAll(this.jdbc.sql("SELECT name FROM organization").query(String.class).list());
		city.commission = organization(OrganizationKind.COMMISSION, "宜兴市经济和信息化委员会", null);
		city.finance = organization(OrganizationKind.FINANCE_BUREAU, "宜兴市财政局", null);
		staff(city.reviewers, city.commission, Role.COMMISSION_REVIEWER, "reviewer", Math.max(3, size.units() / 100));
		staff(city.managers, city.commission, Role.COMMISSION_MANAGER, "manager", 2);
		staff(new java.util.ArrayList<>(), city.finance, Role.FINANCE_VIEWER, "finance", 2);
		int suppliers = (size.units() >= 250) ? 3 : 2;
		for (int s = 0; s < suppliers; s++) {
			City.Supplier supplier = new City.Supplier(
					organization(OrganizationKind.SUPPLIER, SUPPLIERS[s], code(16_000_000 + s)), SUPPLIERS[s]);
			String prefix = (s == 0) ? "" : "s" + (s + 1);
			staff(supplier.operators, supplier.id, Role.SUPPLIER_OPERATOR, (s == 0) ? "operator" : prefix + "operator",
					2);
			staff(supplier.managers, supplier.id, Role.SUPPLIER_MANAGER, (s == 0) ? "suppliermgr" : prefix + "manager",
					1);
			city.suppliers.add(supplier);
		}
		units(city, size.units());
		return city;
	}

	private void units(City city, int count) {
		List<Existing> existing = this.jdbc
			.sql("SELECT id, name FROM organization WHERE kind = 'UNIT' AND active ORDER BY created_at, name")
			.query((rs, n) -> new Existing(rs.getObject("id", UUID.class), rs.getString("name")))
			.list();
		int next = 0;
		for (int i = 0; i < count; i++) {
			City.Unit unit;
			if (i < existing.size()) {
				unit = new City.Unit(existing.get(i).id(), existing.get(i).name());
				this.orgNames.put(unit.id, unit.name);
			}
			else {
				String name = Names.unit(next++);
				while (this.names.contains(name)) {
					name = Names.unit(next++);
				}
				unit = new City.Unit(organization(OrganizationKind.UNIT, name, code(15_000_000 + i)), name);
			}
			String prefix = "w%04d".formatted(i + 1);
			staff(unit.admins, unit.id, Role.UNIT_ADMIN, prefix + "admin", 1);
			staff(unit.members, unit.id, Role.UNIT_MEMBER, prefix + "member", 1 + this.random.nextInt(3));
			staff(unit.officers, unit.id, Role.SECURITY_OFFICER, prefix + "officer", 1 + this.random.nextInt(2));
			city.units.add(unit);
		}
	}

	/**
	 * The people of {@code role} in an organisation: those there are, then new ones
	 * ({@code prefix}, {@code prefix2}, ...) up to {@code wanted}.
	 */
	private void staff(List<Person> into, UUID organization, Role role, String prefix, int wanted) {
		String orgName = this.orgNames.get(organization);
		into.addAll(this.jdbc.sql("""
				SELECT u.id, u.username FROM app_user u JOIN user_role r ON r.user_id = u.id
				WHERE u.organization_id = :org AND r.role = :role AND u.enabled ORDER BY u.created_at, u.username
				""")
			.param("org", organization)
			.param("role", role.name())
			.query((rs, n) -> new Person(rs.getObject("id", UUID.class), rs.getString("username"), organization,
					orgName))
			.list());
		for (int n = into.size() + 1; into.size() < wanted; n++) {
			String username = (n == 1) ? prefix : prefix + n;
			if (this.jdbc.sql("SELECT count(*) FROM app_user WHERE lower(username) = lower(:u)")
				.param("u", username)
				.query(Long.class)
				.single() > 0) {
				continue;
			}
			UUID id = UUID.randomUUID();
			// The password was set recently: within the policy's maximum age.
			this.copy.row(USER, id, username, Names.person(this.random), organization, null, null, this.passwordHash,
					Instant.now().minusSeconds(86400L * this.random.nextInt(30)), false, this.created);
			this.copy.row(ROLE, id, role.name());
			into.add(new Person(id, username, organization, orgName));
		}
	}

	private UUID organization(OrganizationKind kind, String name, String creditCode) {
		UUID found = this.jdbc.sql("SELECT id FROM organization WHERE lower(name) = lower(:name) AND kind = :kind")
			.param("name", name)
			.param("kind", kind.name())
			.query(UUID.class)
			.optional()
			.orElse(null);
		if (found == null && kind != OrganizationKind.UNIT && kind != OrganizationKind.SUPPLIER) {
			found = this.jdbc.sql("SELECT id FROM organization WHERE kind = :kind")
				.param("kind", kind.name())
				.query(UUID.class)
				.optional()
				.orElse(null);
		}
		if (found != null) {
			this.orgNames.put(found,
					this.jdbc.sql("SELECT name FROM organization WHERE id = :id")
						.param("id", found)
						.query(String.class)
						.single());
			return found;
		}
		UUID id = UUID.randomUUID();
		this.orgNames.put(id, name);
		this.copy.row(ORGANIZATION, id, kind.name(), name, creditCode, Names.person(this.random),
				"0510-8" + (1000000 + this.random.nextInt(8999999)), true, this.created);
		this.names.add(name);
		return id;
	}

	private static String code(int n) {
		String body = "11320282" + String.format("%09d", n);
		return body + CreditCode.checkCharacter(body);
	}

	private record Existing(UUID id, String name) {
	}

}
