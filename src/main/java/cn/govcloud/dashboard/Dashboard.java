package cn.govcloud.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.govcloud.audit.AuditTrail;
import cn.govcloud.identity.ApiTokens;
import cn.govcloud.organization.Organizations;
import cn.govcloud.organization.Users;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Role;

import org.springframework.stereotype.Service;

/**
 * Which figures each role sees first. The audit administrator sees only the audit
 * trail's; everyone sees their unread messages and API tokens.
 */
@Service
class Dashboard {

	private final Organizations organizations;

	private final Users users;

	private final AuditTrail audit;

	private final ApiTokens tokens;

	private final List<FigureSource> sources;

	Dashboard(Organizations organizations, Users users, AuditTrail audit, ApiTokens tokens,
			List<FigureSource> sources) {
		this.organizations = organizations;
		this.users = users;
		this.audit = audit;
		this.tokens = tokens;
		this.sources = sources;
	}

	public List<Figure> figuresFor(GovCloudPrincipal caller) {
		List<Figure> figures = new ArrayList<>();
		if (caller.hasRole(Role.AUDIT_ADMIN)) {
			figures.add(new Figure("dashboard.auditRecords", this.audit.count(), "/audit"));
			figures.add(new Figure("dashboard.auditToday", this.audit.countSince(CityTime.startOf(CityTime.today())),
					"/audit"));
		}
		else if (caller.organizationKind() == OrganizationKind.COMMISSION) {
			Map<OrganizationKind, Long> counts = this.organizations.countByKind();
			long all = counts.values().stream().mapToLong(Long::longValue).sum();
			figures.add(new Figure("dashboard.organizations", all, "/organizations"));
			figures.add(new Figure("dashboard.units", counts.getOrDefault(OrganizationKind.UNIT, 0L),
					"/organizations?kind=UNIT"));
			figures.add(new Figure("dashboard.suppliers", counts.getOrDefault(OrganizationKind.SUPPLIER, 0L),
					"/organizations?kind=SUPPLIER"));
			figures.add(new Figure("dashboard.users", this.users.countEnabled(), "/users"));
		}
		else {
			figures.add(new Figure("dashboard.myOrganizationUsers", this.users.countEnabledIn(caller.organizationId()),
					"/users"));
		}
		this.sources.forEach((source) -> figures.addAll(source.figuresFor(caller)));
		long activeTokens = this.tokens.list(caller)
			.stream()
			.filter((token) -> token.activeAt(java.time.Instant.now()))
			.count();
		figures.add(new Figure("dashboard.tokens", activeTokens, "/account/tokens"));
		return figures;
	}

}
