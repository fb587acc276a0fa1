package cn.govcloud.request;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * Application lines as other modules read them (inventory's orders price and count what
 * was approved, Art. 8), instead of reading the application tables (ADR 0016).
 */
@Service
public class ApplicationLines {

	private final ApplicationRepository applications;

	ApplicationLines(ApplicationRepository applications) {
		this.applications = applications;
	}

	/** The lines of these ids that exist, by id; one query however many. */
	public Map<UUID, ApplicationLine> byId(Collection<UUID> ids) {
		Map<UUID, ApplicationLine> found = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		for (ApplicationLine line : this.applications.linesById(ids.stream().distinct().toArray(UUID[]::new))) {
			found.put(line.id(), line);
		}
		return found;
	}

}
