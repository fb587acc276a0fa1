package cn.govcloud.systems;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.govcloud.shared.DataScope;

/**
 * The security inspections' findings on a system, for its page (Art. 14). The module that
 * keeps them (security) provides it; without it the page shows none.
 */
public interface SystemFindings {

	/** The system's findings the reader may see, open ones first. */
	List<Finding> of(DataScope scope, UUID systemId);

	/**
	 * A finding as the system's page lists it.
	 *
	 * @param severity {@code HIGH}, {@code MEDIUM} or {@code LOW}
	 * @param status {@code OPEN}, {@code RESPONDED} or {@code CLOSED}
	 */
	record Finding(UUID id, String number, String severity, String status, LocalDate deadline, boolean overdue,
			String responsibleName) {
	}

}
