package cn.govcloud.world;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.world.City.Person;
import cn.govcloud.world.Registers.Sys;

/**
 * Resource applications and the Commission's review (Art. 6, 8): drafted, submitted
 * (revision 1 kept as submitted), and approved, approved with cuts, returned or rejected,
 * with their history and the notices the review sends.
 */
final class Applications {

	static final String APPLICATION = "resource_application (id, number, system_id, unit_id, type, status, revision, "
			+ "plan_version, summary, created_by, created_at, submitted_at, decided_at, decided_by, decision, decision_reason)";

	static final String LINE = "application_line (id, application_id, position, kind_code, direction, spec, quantity, "
			+ "justification, approved_spec, approved_quantity, cut_reason)";

	static final String REVISION = "application_revision (application_id, revision, submitted_at, submitted_by, plan_version, summary, lines)";

	static final String EVENT = "application_event (application_id, occurred_at, actor_id, action, reason)";

	private final Scene scene;

	long number;

	Applications(Scene scene, long firstNumber) {
		this.scene = scene;
		this.number = firstNumber;
	}

	/** A requested line; approved with {@code approved} instances (cut when fewer). */
	record Line(UUID id, int position, String kind, Map<String, Object> spec, int quantity, int approved) {

		boolean cut() {
			return this.approved < this.quantity;
		}

	}

	/** An application as its lifecycle left it. */
	record App(UUID id, String number, List<Line> lines, Instant decidedAt, Person clerk) {
	}

	/**
	 * An application of {@code system} drafted on {@code on}, taken as far as
	 * {@code outcome}: DRAFT, SUBMITTED, RETURNED, REJECTED, APPROVED or
	 * APPROVED_WITH_CUTS.
	 */
	App apply(Sys system, LocalDate on, String type, List<Line> lines, String outcome) {
		UUID id = UUID.randomUUID();
		String number = "ZY%d-%06d".formatted(on.getYear(), this.number++);
		Person clerk = system.unit().clerk(this.scene.random.nextInt(5));
		Instant created = this.scene.at(on);
		Instant submitted = outcome.equals("DRAFT") ? null : this.scene.at(on.plusDays(1));
		Instant decided = outcome.equals("DRAFT") || outcome.equals("SUBMITTED") ? null : this.scene.at(on.plusDays(4));
		Person reviewer = this.scene.any(this.scene.city.reviewers);
		String reason = switch (outcome) {
			case "RETURNED" -> "请补充业务量测算依据后重新提交";
			case "REJECTED" -> "与已有系统功能重复，建议复用";
			case "APPROVED_WITH_CUTS" -> "按实际业务量核减";
			default -> null;
		};
		String status = outcome.startsWith("APPROVED") ? "APPROVED" : outcome;
		String summary = type.equals("NEW") ? "新建系统上云资源申请" : "业务增长扩容申请";
		this.scene.copy.row(APPLICATION, id, number, system.id(), system.unit().id, type, status,
				(submitted != null) ? 1 : 0, 1, summary, clerk.id(), created, submitted, decided,
				(decided != null) ? reviewer.id() : null, (decided != null) ? outcome : null, reason);
		List<Object> submittedLines = new ArrayList<>();
		for (Line line : lines) {
			boolean approved = outcome.startsWith("APPROVED");
			int quantity = outcome.equals("APPROVED") ? line.quantity() : line.approved();
			this.scene.copy.row(LINE, line.id(), id, line.position(), line.kind(), "INCREASE", Json.of(line.spec()),
					line.quantity(), "业务运行需要", approved ? Json.of(line.spec()) : null, approved ? quantity : null,
					(approved && quantity < line.quantity()) ? "按实际负载核减" : null);
			submittedLines.add(revisionLine(line));
		}
		String target = "application:" + id + " " + number;
		event(id, created, clerk, "CREATED", null);
		this.scene.audit(created, clerk, "application.draft", target, type);
		if (submitted != null) {
			this.scene.copy.row(REVISION, id, 1, submitted, clerk.id(), 1, summary, Json.of(submittedLines));
			event(id, submitted, clerk, "SUBMITTED", null);
			this.scene.audit(submitted, clerk, "application.submit", target, "revision 1");
			this.scene.notify(this.scene.city.reviewers, submitted, "TASK", "notice.application.submitted",
					"/applications/" + id, number, system.unit().name, system.name());
		}
		if (decided != null) {
			event(id, decided, reviewer, outcome, reason);
			this.scene.audit(decided, reviewer, "application.decide", target,
					outcome + ((reason != null) ? ": " + reason : ""));
			List<Person> told = new ArrayList<>(system.unit().admins);
			if (!told.contains(clerk)) {
				told.add(clerk);
			}
			this.scene.notify(told, decided, outcome.equals("RETURNED") ? "TASK" : "INFO",
					"notice.application." + outcome, "/applications/" + id, number, system.name(),
					(reason != null) ? reason : "");
		}
		List<Line> result = outcome.equals("APPROVED") ? lines.stream()
			.map((l) -> new Line(l.id(), l.position(), l.kind(), l.spec(), l.quantity(), l.quantity()))
			.toList() : lines;
		return new App(id, number, result, decided, clerk);
	}

	private void event(UUID application, Instant at, Person actor, String action, String reason) {
		this.scene.copy.row(EVENT, application, at, actor.id(), action, reason);
	}

	private static Map<String, Object> revisionLine(Line line) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", line.id().toString());
		json.put("position", line.position());
		json.put("kind", line.kind());
		json.put("direction", "INCREASE");
		json.put("spec", line.spec());
		json.put("quantity", line.quantity());
		json.put("justification", "业务运行需要");
		json.put("approvedSpec", null);
		json.put("approvedQuantity", null);
		json.put("cutReason", null);
		return json;
	}

}
