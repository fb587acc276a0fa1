package cn.govcloud.world;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

import cn.govcloud.world.City.Person;

/**
 * The application-system register (Art. 3, 15): systems in every hosting status, their
 * construction plans, migrations with target dates, exemptions with a legal basis, and
 * some without an officer or a level for the overview to flag.
 */
final class Registers {

	static final String SYSTEM = "application_system (id, unit_id, name, purpose, security_officer_id, protection_level, "
			+ "filing_number, last_assessment_on, hosting_status, migration_target_on, exemption_basis, created_at, updated_at)";

	static final String DOCUMENT = "system_document (id, system_id, purpose, version, file_name, content_type, size_bytes, "
			+ "sha256, content, uploaded_by, uploaded_at)";

	static final String STATUS = "system_status_change (id, system_id, from_status, to_status, target_on, reason, actor, changed_at)";

	static final String EXEMPTION = "system_exemption (id, system_id, basis, document_id, state, requested_by, requested_at, "
			+ "decided_by, decided_at, decision_reason)";

	private static final String[] BASES = { "《中华人民共和国保守国家秘密法》第二十四条：涉密信息系统不得接入政务外网云平台",
			"公安部《公安信息网安全管理规定》：公安专网业务系统须部署于公安专网", "国家医保局文件要求医保结算系统由省级平台统一部署" };

	private final Scene scene;

	Registers(Scene scene) {
		this.scene = scene;
	}

	/** A registered system and what its lifecycle needs of it. */
	record Sys(UUID id, City.Unit unit, String name, LocalDate registered) {
	}

	Sys register(City.Unit unit, String status, LocalDate on, boolean complete) {
		return register(unit, status, on, complete, null, null);
	}

	/** A system whose final status is {@code status}, with its target date or basis. */
	Sys register(City.Unit unit, String status, LocalDate on, boolean complete, LocalDate target, String basis) {
		UUID id = UUID.randomUUID();
		String name = Names.system(unit.name, unit.systems++);
		Person officer = complete || this.scene.chance(0.5) ? this.scene.any(unit.officers) : null;
		Integer level = complete || officer == null ? this.scene.between(2, 3) : null;
		Instant at = this.scene.at(on);
		String filing = (level != null && level >= 3)
				? "32028250" + this.scene.between(100, 999) + "-000" + this.scene.between(1, 9) : null;
		LocalDate assessed = (filing != null) ? this.scene.today.minusDays(this.scene.between(30, 700)) : null;
		this.scene.copy.row(SYSTEM, id, unit.id, name, name + "：支撑" + unit.name + "的日常业务办理与对外服务",
				officer != null ? officer.id() : null, level, filing, assessed, status, target, basis, at, at);
		Person clerk = unit.clerk(unit.systems);
		this.scene.audit(at, clerk, "system.register", "system:" + id + " " + name,
				status.equals("ON_PLATFORM") || status.equals("PLANNED") ? status : "LEGACY_SELF_HOSTED");
		return new Sys(id, unit, name, on);
	}

	/**
	 * Version 1 of a construction plan (or of backup evidence), uploaded on {@code on}.
	 */
	void document(Sys system, String purpose, LocalDate on) {
		Person clerk = system.unit().clerk(1);
		Instant at = this.scene.at(on);
		byte[] pdf = pdf(system.name() + " " + purpose);
		this.scene.copy.row(DOCUMENT, UUID.randomUUID(), system.id(), purpose, 1,
				purpose.equals("CONSTRUCTION_PLAN") ? "建设方案.pdf" : "数据备份证明.pdf", "application/pdf", pdf.length,
				sha256(pdf), pdf, clerk.id(), at);
		this.scene.audit(at, clerk,
				purpose.equals("CONSTRUCTION_PLAN") ? "system.plan.upload" : "system.evidence.upload",
				"system:" + system.id() + " " + system.name(), "version 1");
	}

	/** A self-hosted system set to migrate by {@code target} (some already overdue). */
	void migrating(Sys system, LocalDate target) {
		status(system, "LEGACY_SELF_HOSTED", "MIGRATING", target, null, system.unit().admins.get(0));
	}

	String basis() {
		return BASES[this.scene.random.nextInt(BASES.length)];
	}

	/**
	 * A self-hosted system the Commission exempted, with its legal basis and document.
	 */
	void exempt(Sys system, Person reviewer, String basis) {
		UUID document = UUID.randomUUID();
		LocalDate asked = system.registered().plusDays(10);
		byte[] pdf = pdf(system.name() + " exemption");
		Person admin = system.unit().admins.get(0);
		this.scene.copy.row(DOCUMENT, document, system.id(), "EXEMPTION", 1, "依据文件.pdf", "application/pdf", pdf.length,
				sha256(pdf), pdf, admin.id(), this.scene.at(asked));
		Instant decided = this.scene.at(asked.plusDays(5));
		this.scene.copy.row(EXEMPTION, UUID.randomUUID(), system.id(), basis, document, "GRANTED", admin.id(),
				this.scene.at(asked), reviewer.username(), decided, "依据充分，同意豁免");
		this.scene.audit(this.scene.at(asked), admin, "system.exemption.request", "system:" + system.id(), basis);
		status(system, "LEGACY_SELF_HOSTED", "EXEMPT", null, basis, reviewer);
	}

	void status(Sys system, String from, String to, LocalDate target, String reason, Person actor) {
		Instant at = this.scene.at(system.registered().plusDays(15));
		this.scene.copy.row(STATUS, UUID.randomUUID(), system.id(), from, to, target, reason, actor.username(), at);
		this.scene.audit(at, actor, "system.status", "system:" + system.id() + " " + system.name(), from + " → " + to);
	}

	static byte[] pdf(String title) {
		return ("%PDF-1.4\n% " + title + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
