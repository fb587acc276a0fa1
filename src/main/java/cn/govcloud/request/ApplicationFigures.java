package cn.govcloud.request;

import java.util.ArrayList;
import java.util.List;

import cn.govcloud.dashboard.Figure;
import cn.govcloud.dashboard.FigureSource;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.Role;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What waits: applications to review for the Commission, drafts and returns for a unit.
 */
@Component
@Order(10)
class ApplicationFigures implements FigureSource {

	private final ApplicationRepository repository;

	private final DataScopes scopes;

	ApplicationFigures(ApplicationRepository repository, DataScopes scopes) {
		this.repository = repository;
		this.scopes = scopes;
	}

	@Override
	public List<Figure> figuresFor(GovCloudPrincipal caller) {
		List<Figure> figures = new ArrayList<>();
		if (caller.may(Permission.REVIEW_APPLICATIONS)) {
			figures.add(new Figure("dashboard.toReview", count(caller, ApplicationStatus.SUBMITTED), "/review"));
		}
		else if (caller.hasRole(Role.COMMISSION_MANAGER)) {
			// The manager oversees the reviewers' queue (Art. 6) without deciding in it.
			figures.add(new Figure("dashboard.awaitingReview", count(caller, ApplicationStatus.SUBMITTED),
					"/applications?status=SUBMITTED"));
		}
		if (caller.may(Permission.APPLY_FOR_RESOURCES)) {
			figures.add(new Figure("dashboard.returned", count(caller, ApplicationStatus.RETURNED),
					"/applications?status=RETURNED"));
			figures.add(new Figure("dashboard.awaitingReview", count(caller, ApplicationStatus.SUBMITTED),
					"/applications?status=SUBMITTED"));
		}
		return figures;
	}

	private long count(GovCloudPrincipal caller, ApplicationStatus status) {
		return this.repository.count(this.scopes.of(caller), new ApplicationFilter(status, null, null, null));
	}

}
