package cn.govcloud.catalogue;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Timestamps;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of resource kinds and the one place a spec is checked against its kind's
 * fields and ranges.
 */
@Service
public class ResourceKinds {

	private static final TypeReference<List<SpecField>> FIELDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditTrail audit;

	ResourceKinds(JdbcClient jdbc, JsonMapper json, AuditTrail audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
	}

	/** Every kind, offered or retired, in catalogue order. */
	public List<ResourceKind> all() {
		return this.jdbc.sql("SELECT * FROM resource_kind ORDER BY sort_order, code").query(this::map).list();
	}

	/** The kinds a unit may ask for today. */
	public List<ResourceKind> offered() {
		return all().stream().filter((kind) -> !kind.retired()).toList();
	}

	public Optional<ResourceKind> find(String code) {
		return this.jdbc.sql("SELECT * FROM resource_kind WHERE code = :code")
			.param("code", code)
			.query(this::map)
			.optional();
	}

	public ResourceKind get(String code) {
		return find(code).orElseThrow(() -> new NotFoundException("resource kind", code));
	}

	/**
	 * Checks a requested spec against an offered kind (Art. 8: "reasonable values"):
	 * every field present, whole numbers in range, choices from the list, nothing
	 * unknown.
	 * @param line where the kind and spec sit in the caller's input, for messages:
	 * problems are reported on {@code <line>.kind} and {@code <line>.spec.<field>} (e.g.
	 * {@code lines[0]}), or on {@code kind} and {@code spec.<field>} when it is empty
	 */
	public SpecCheck check(String kindCode, Map<String, ?> spec, String line) {
		String prefix = (line == null || line.isEmpty()) ? "" : line + ".";
		String field = prefix + "spec";
		List<FieldProblem> problems = new ArrayList<>();
		Optional<ResourceKind> kind = (kindCode == null) ? Optional.empty() : find(kindCode);
		if (kind.isEmpty()) {
			problems.add(new FieldProblem(prefix + "kind", "catalogue.kind.unknown", kindCode));
			return new SpecCheck(null, Map.of(), problems);
		}
		if (kind.get().retired()) {
			problems.add(new FieldProblem(prefix + "kind", "catalogue.kind.retired", kind.get().nameZh()));
			return new SpecCheck(kind.get(), Map.of(), problems);
		}
		Map<String, ?> given = (spec != null) ? spec : Map.of();
		Map<String, Object> normal = new LinkedHashMap<>();
		for (SpecField specField : kind.get().fields()) {
			String name = field + "." + specField.name();
			Object value = given.get(specField.name());
			if (value == null || value.toString().isBlank()) {
				problems.add(new FieldProblem(name, "error.field.required"));
			}
			else if (specField.type() == SpecField.Type.INTEGER) {
				checkInteger(specField, name, value.toString().strip(), normal, problems);
			}
			else if (!specField.choices().contains(value.toString())) {
				problems.add(new FieldProblem(name, "catalogue.spec.choice", String.join(" / ", specField.choices())));
			}
			else {
				normal.put(specField.name(), value.toString());
			}
		}
		given.keySet()
			.stream()
			.filter((key) -> kind.get().fields().stream().noneMatch((f) -> f.name().equals(key)))
			.forEach((key) -> problems.add(new FieldProblem(field + "." + key, "catalogue.spec.unknown")));
		return new SpecCheck(kind.get(), normal, problems);
	}

	private static void checkInteger(SpecField field, String name, String text, Map<String, Object> normal,
			List<FieldProblem> problems) {
		BigDecimal number;
		try {
			number = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(name, "catalogue.spec.integer"));
			return;
		}
		if (number.stripTrailingZeros().scale() > 0) {
			problems.add(new FieldProblem(name, "catalogue.spec.integer"));
		}
		else if (number.compareTo(BigDecimal.valueOf(field.min())) < 0
				|| number.compareTo(BigDecimal.valueOf(field.max())) > 0) {
			problems.add(new FieldProblem(name, "catalogue.spec.range", field.min(), field.max(), field.unit()));
		}
		else {
			normal.put(field.name(), number.longValueExact());
		}
	}

	/** The Commission manager adds a kind, e.g. a new cloud security service. */
	@Transactional
	public ResourceKind add(ResourceKindForm form) {
		List<FieldProblem> problems = new ArrayList<>();
		if (find(form.code()).isPresent()) {
			problems.add(new FieldProblem("code", "catalogue.code.taken"));
		}
		java.util.Set<String> names = new java.util.HashSet<>();
		for (int i = 0; i < form.fields().size(); i++) {
			SpecField field = form.fields().get(i);
			if (!names.add(field.name())) {
				problems.add(new FieldProblem("fields[" + i + "].name", "catalogue.field.duplicate"));
			}
			if (field.type() == SpecField.Type.INTEGER
					&& (field.min() == null || field.max() == null || field.min() > field.max())) {
				problems.add(new FieldProblem("fields[" + i + "].min", "catalogue.field.range"));
			}
			if (field.type() == SpecField.Type.CHOICE && field.choices().isEmpty()) {
				problems.add(new FieldProblem("fields[" + i + "].choices", "error.field.required"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int order = this.jdbc.sql("SELECT coalesce(max(sort_order), 0) + 10 FROM resource_kind")
			.query(Integer.class)
			.single();
		this.jdbc.sql("""
				INSERT INTO resource_kind (code, category, name_zh, name_en, billing_unit, spec_fields, sort_order)
				VALUES (:code, :category, :nameZh, :nameEn, :billingUnit, CAST(:fields AS jsonb), :order)
				""")
			.param("code", form.code())
			.param("category", form.category().name())
			.param("nameZh", form.nameZh())
			.param("nameEn", form.nameEn())
			.param("billingUnit", form.billingUnit())
			.param("fields", this.json.writeValueAsString(form.fields()))
			.param("order", order)
			.update();
		this.audit.record("catalogue.add", "kind:" + form.code(), AuditOutcome.SUCCESS);
		return get(form.code());
	}

	/** Stops offering a kind; records that name it keep it. */
	@Transactional
	public ResourceKind retire(String code, boolean retired) {
		get(code);
		this.jdbc.sql("UPDATE resource_kind SET retired_at = :at WHERE code = :code")
			.param("at", retired ? Timestamp.from(Instant.now()) : null)
			.param("code", code)
			.update();
		this.audit.record(retired ? "catalogue.retire" : "catalogue.reinstate", "kind:" + code, AuditOutcome.SUCCESS);
		return get(code);
	}

	/** A spec field that cannot be shown or checked (stored before V70) is left out. */
	private ResourceKind map(ResultSet rs, int row) throws SQLException {
		Timestamp retired = rs.getTimestamp("retired_at");
		return new ResourceKind(rs.getString("code"), ResourceCategory.valueOf(rs.getString("category")),
				rs.getString("name_zh"), rs.getString("name_en"), rs.getString("billing_unit"),
				this.json.readValue(rs.getString("spec_fields"), FIELDS)
					.stream()
					.filter(SpecField::wellFormed)
					.toList(),
				Timestamps.instant(retired), rs.getInt("sort_order"));
	}

	/**
	 * The outcome of a spec check.
	 *
	 * @param kind the kind, if it exists
	 * @param spec the spec with whole numbers as {@code Long} and choices as text, only
	 * valid fields
	 */
	public record SpecCheck(ResourceKind kind, Map<String, Object> spec, List<FieldProblem> problems) {

		public boolean valid() {
			return this.problems.isEmpty();
		}

	}

}
