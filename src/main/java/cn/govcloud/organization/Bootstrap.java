package cn.govcloud.organization;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.shared.DatabaseMode;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Role;
import cn.govcloud.shared.StartRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first start of an empty database. With demo data (the embedded default) it
 * registers the Commission, six units, a supplier, the finance bureau and one person per
 * role, all with the demo password of the README. Without demo data it creates only the
 * Commission and the first system administrator, whose password must be supplied
 * ({@code GOVCLOUD_ADMIN_PASSWORD}): there is no built-in default password.
 */
@Component
@Order(0)
class Bootstrap implements ApplicationRunner {

	static final String DEMO_PASSWORD = "GovCloud@2026";

	private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

	private final OrganizationRepository organizations;

	private final UserRepository users;

	private final PasswordHashing hashing;

	private final PasswordPolicy policy;

	private final DatabaseMode mode;

	private final AuditTrail audit;

	private final String adminUsername;

	private final String adminPassword;

	Bootstrap(OrganizationRepository organizations, UserRepository users, PasswordHashing hashing,
			PasswordPolicy policy, DatabaseMode mode, AuditTrail audit,
			@Value("${govcloud.bootstrap.admin-username:sysadmin}") String adminUsername,
			@Value("${govcloud.bootstrap.admin-password:}") String adminPassword) {
		this.organizations = organizations;
		this.users = users;
		this.hashing = hashing;
		this.policy = policy;
		this.mode = mode;
		this.audit = audit;
		this.adminUsername = adminUsername;
		this.adminPassword = adminPassword;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.organizations.existsByKind(OrganizationKind.COMMISSION)) {
			return;
		}
		if (this.mode.demoData()) {
			seedDemo();
		}
		else {
			seedFirstAdministrator();
		}
	}

	private void seedFirstAdministrator() {
		if (this.adminPassword == null || this.adminPassword.isBlank()) {
			throw new StartRefused(
					"GovCloud starts on an empty database without demo data, and GOVCLOUD_ADMIN_PASSWORD (the first "
							+ "system administrator's password) is not set. There is no built-in default password.",
					"Set GOVCLOUD_ADMIN_PASSWORD (govcloud.bootstrap.admin-password) to the first system "
							+ "administrator's password, or GOVCLOUD_DEMO_DATA=true for a demo city.");
		}
		var problems = this.policy.check("GOVCLOUD_ADMIN_PASSWORD", this.adminUsername, this.adminPassword);
		if (!problems.isEmpty()) {
			throw new StartRefused(
					"GOVCLOUD_ADMIN_PASSWORD does not meet the password policy: "
							+ problems.stream().map((p) -> p.code()).toList() + ".",
					"Choose a GOVCLOUD_ADMIN_PASSWORD that meets the password policy: each code above names a "
							+ "rule it breaks (the policy's settings are govcloud.security.password.*).");
		}
		UUID commission = organization(OrganizationKind.COMMISSION, "市经济和信息化委员会", null);
		user(this.adminUsername, "系统管理员", commission, Set.of(Role.SYSTEM_ADMIN), this.adminPassword, true);
		this.audit.recordAs("system", null, "bootstrap.administrator", "user:" + this.adminUsername,
				AuditOutcome.SUCCESS, null);
		log.info("Created the Commission and the first system administrator '{}'", this.adminUsername);
	}

	private void seedDemo() {
		UUID commission = organization(OrganizationKind.COMMISSION, "宜兴市经济和信息化委员会", null);
		UUID finance = organization(OrganizationKind.FINANCE_BUREAU, "宜兴市财政局", null);
		UUID supplier = organization(OrganizationKind.SUPPLIER, "宜兴政务云服务有限公司", demoCode(90));
		List<String> unitNames = List.of("宜兴市公安局", "宜兴市教育局", "宜兴市卫生健康委员会", "宜兴市人力资源和社会保障局", "宜兴市自然资源和规划局", "宜兴市行政审批局");
		UUID[] units = new UUID[unitNames.size()];
		for (int i = 0; i < units.length; i++) {
			units[i] = organization(OrganizationKind.UNIT, unitNames.get(i), demoCode(i + 1));
		}
		demoUser("sysadmin", "系统管理员", commission, Role.SYSTEM_ADMIN);
		demoUser("secadmin", "安全管理员", commission, Role.SECURITY_ADMIN);
		demoUser("auditadmin", "审计管理员", commission, Role.AUDIT_ADMIN);
		demoUser("reviewer", "审核员 王敏", commission, Role.COMMISSION_REVIEWER);
		demoUser("manager", "经信委主管 李强", commission, Role.COMMISSION_MANAGER);
		demoUser("unitadmin", "公安局管理员 张伟", units[0], Role.UNIT_ADMIN);
		demoUser("unitmember", "公安局经办人 刘洋", units[0], Role.UNIT_MEMBER);
		demoUser("officer", "公安局安全责任人 陈静", units[0], Role.SECURITY_OFFICER);
		demoUser("unitadmin2", "教育局管理员 赵磊", units[1], Role.UNIT_ADMIN);
		demoUser("operator", "供应商运维 孙浩", supplier, Role.SUPPLIER_OPERATOR);
		demoUser("suppliermgr", "供应商经理 周婷", supplier, Role.SUPPLIER_MANAGER);
		demoUser("finance", "财政局 吴芳", finance, Role.FINANCE_VIEWER);
		this.audit.recordAs("system", null, "bootstrap.demo", null, AuditOutcome.SUCCESS, "demo data");
		log.info("Demo data created: every demo account's password is {}", DEMO_PASSWORD);
	}

	/**
	 * A valid unified social credit code for demo organisation {@code n} (Yixing,
	 * 320282).
	 */
	static String demoCode(int n) {
		String body = "11320282" + String.format("%09d", 14_000_000 + n);
		return body + CreditCode.checkCharacter(body);
	}

	private UUID organization(OrganizationKind kind, String name, String creditCode) {
		UUID id = UUID.randomUUID();
		this.organizations.insert(new Organization(id, kind, name, creditCode, null, null, true, Instant.now()));
		return id;
	}

	private void demoUser(String username, String displayName, UUID organization, Role role) {
		user(username, displayName, organization, Set.of(role), DEMO_PASSWORD, false);
	}

	private void user(String username, String displayName, UUID organization, Set<Role> roles, String password,
			boolean mustChange) {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		String hash = this.hashing.hash(password);
		this.users.insert(id, new UserForm(username, displayName, organization, roles, null, null, password), hash,
				now);
		if (!mustChange) {
			this.users.setPassword(id, hash, false, now);
		}
	}

}
