package cn.govcloud.security;

import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.systems.SystemFindings;

import org.springframework.stereotype.Component;

/** A system's findings for its page in the register (Art. 14), in the reader's scope. */
@Component
class SystemFindingsReader implements SystemFindings {

	private final Findings findings;

	SystemFindingsReader(Findings findings) {
		this.findings = findings;
	}

	@Override
	public List<Finding> of(DataScope scope, UUID systemId) {
		if (!scope.principal().may(Permission.READ_INSPECTIONS)) {
			return List.of();
		}
		return this.findings
			.search(scope, new FindingFilter(null, null, null, null, null, systemId, null), "status,asc", 0,
					Page.MAX_SIZE)
			.items()
			.stream()
			.map((f) -> new Finding(f.id(), f.number(), f.severity().name(), f.status().name(), f.deadline(),
					f.overdue(), f.responsibleName()))
			.toList();
	}

}
