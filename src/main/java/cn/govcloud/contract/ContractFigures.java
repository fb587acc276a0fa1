package cn.govcloud.contract;

import java.util.ArrayList;
import java.util.List;

import cn.govcloud.dashboard.Figure;
import cn.govcloud.dashboard.FigureSource;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.Role;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What waits: contracts to file for the Commission, contracts to sign or send for a unit.
 */
@Component
@Order(20)
class ContractFigures implements FigureSource {

	private final ContractRepository repository;

	private final DataScopes scopes;

	ContractFigures(ContractRepository repository, DataScopes scopes) {
		this.repository = repository;
		this.scopes = scopes;
	}

	@Override
	public List<Figure> figuresFor(GovCloudPrincipal caller) {
		List<Figure> figures = new ArrayList<>();
		if (caller.hasAnyRole(Role.COMMISSION_REVIEWER, Role.COMMISSION_MANAGER)) {
			figures.add(new Figure("dashboard.toFile", count(caller, ContractStatus.SUBMITTED),
					"/contracts?status=SUBMITTED"));
		}
		if (caller.hasAnyRole(Role.UNIT_ADMIN, Role.UNIT_MEMBER, Role.SUPPLIER_MANAGER, Role.SUPPLIER_OPERATOR)) {
			figures.add(new Figure("dashboard.activeContracts", count(caller, ContractStatus.ACTIVE),
					"/contracts?status=ACTIVE"));
		}
		return figures;
	}

	private long count(GovCloudPrincipal caller, ContractStatus status) {
		return this.repository.count(this.scopes.of(caller), status, null);
	}

}
