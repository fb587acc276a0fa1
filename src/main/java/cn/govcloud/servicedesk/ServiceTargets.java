package cn.govcloud.servicedesk;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.servicedesk.ServiceTarget.TargetUnit;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Commission's service-level targets per priority. A ticket copies its priority's
 * targets when it is opened: changing them affects new tickets only.
 */
@Service
public class ServiceTargets {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ServiceTargets(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public List<ServiceTarget> all() {
		return this.jdbc.sql("""
				SELECT priority, response_amount, response_unit, resolution_amount, resolution_unit, working_time
				FROM servicedesk_target ORDER BY priority
				""")
			.query((rs, n) -> new ServiceTarget(Priority.valueOf(rs.getString(1)), rs.getInt(2),
					TargetUnit.valueOf(rs.getString(3)), rs.getInt(4), TargetUnit.valueOf(rs.getString(5)),
					rs.getBoolean(6)))
			.list();
	}

	public ServiceTarget of(Priority priority) {
		return all().stream().filter((t) -> t.priority() == priority).findFirst().orElseThrow();
	}

	/**
	 * Sets every priority's targets at once; each resolution target above its response.
	 */
	@Transactional
	public List<ServiceTarget> set(List<ServiceTarget> targets, UUID by, java.time.Duration workingDay) {
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < targets.size(); i++) {
			ServiceTarget t = targets.get(i);
			String field = "targets[" + i + "]";
			if (t.priority() == null || t.responseUnit() == null || t.resolutionUnit() == null) {
				problems.add(new FieldProblem(field, "error.field.required"));
				continue;
			}
			if (t.responseAmount() < 1 || t.responseAmount() > 10000) {
				problems.add(new FieldProblem(field + ".responseAmount", "servicedesk.target.range"));
			}
			if (t.resolutionAmount() < 1 || t.resolutionAmount() > 10000) {
				problems.add(new FieldProblem(field + ".resolutionAmount", "servicedesk.target.range"));
			}
			else if (t.responseAmount() >= 1 && t.response(workingDay).compareTo(t.resolution(workingDay)) > 0) {
				problems.add(new FieldProblem(field + ".resolutionAmount", "servicedesk.target.order"));
			}
		}
		if (targets.stream().map(ServiceTarget::priority).distinct().count() != Priority.values().length
				|| targets.size() != Priority.values().length) {
			problems.add(new FieldProblem("targets", "servicedesk.target.everyPriority"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		for (ServiceTarget t : targets) {
			this.jdbc.sql("""
					UPDATE servicedesk_target SET response_amount = :ra, response_unit = :ru, resolution_amount = :sa,
					    resolution_unit = :su, working_time = :wt, updated_at = :at, updated_by = :by
					WHERE priority = :priority
					""")
				.param("ra", t.responseAmount())
				.param("ru", t.responseUnit().name())
				.param("sa", t.resolutionAmount())
				.param("su", t.resolutionUnit().name())
				.param("wt", t.workingTime())
				.param("at", Timestamp.from(Instant.now()))
				.param("by", by)
				.param("priority", t.priority().name())
				.update();
		}
		this.audit.record("servicedesk.targets", "servicedesk:targets", AuditOutcome.SUCCESS);
		return all();
	}

}
