package cn.govcloud.security;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.organization.Organization;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.systems.ApplicationSystem;
import cn.govcloud.systems.ApplicationSystems;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Security inspections (Art. 14): the Commission records an inspection — by itself or a
 * third party it names — with its scope, dates, inspectors and the checklist of its
 * classified-protection level, and keeps the checklists.
 */
@Service
public class Inspections {

	static final int MAX_SCOPE = 200;

	private final InspectionRepository repository;

	private final ApplicationSystems systems;

	private final Organizations organizations;

	private final AuditTrail audit;

	Inspections(InspectionRepository repository, ApplicationSystems systems, Organizations organizations,
			AuditTrail audit) {
		this.repository = repository;
		this.systems = systems;
		this.organizations = organizations;
		this.audit = audit;
	}

	@Transactional
	public Inspection record(DataScope scope, InspectionForm form) {
		GovCloudPrincipal by = commission(scope);
		FieldChecks checks = new FieldChecks();
		String title = checks.required("title", form.title(), 200);
		InspectedBy inspectedBy = checks.present("inspectedBy", form.inspectedBy());
		String thirdParty = (inspectedBy == InspectedBy.THIRD_PARTY)
				? checks.required("thirdParty", form.thirdParty(), 200) : null;
		Integer level = form.protectionLevel();
		if (level == null || (level != 2 && level != 3)) {
			checks.refuse("protectionLevel", "inspection.level.invalid");
		}
		LocalDate starts = checks.day("startsOn", form.startsOn());
		LocalDate ends = checks.day("endsOn", form.endsOn());
		if (starts != null && ends != null && ends.isBefore(starts)) {
			checks.refuse("endsOn", "inspection.dates.order");
		}
		String inspectors = checks.required("inspectors", form.inspectors(), 500);
		List<Inspection.ScopedSystem> scoped = scopedSystems(checks, form.systemIds());
		Set<UUID> units = scopedUnits(checks, form.unitIds(), scoped);
		checks.check();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Inspection inspection = new Inspection(UUID.randomUUID(),
				this.repository.nextNumber(CityTime.today().getYear()), title, inspectedBy, thirdParty, level, starts,
				ends, inspectors, by.displayName(), now);
		this.repository.insert(inspection, by.userId(), List.copyOf(units), scoped);
		this.audit.record("security.inspection.recorded", "inspection:" + inspection.id(), AuditOutcome.SUCCESS,
				inspection.number());
		return inspection;
	}

	public Inspection find(DataScope scope, UUID id) {
		return this.repository.find(scope, id).orElseThrow(() -> new NotFoundException("inspection", id));
	}

	public Page<Inspection> search(DataScope scope, String sort, int page, int size) {
		return this.repository.search(scope, Page.request(page, size, InspectionRepository.SORTABLE.parse(sort)));
	}

	/** The systems in scope the reader may see: the Commission all, a unit its own. */
	public List<Inspection.ScopedSystem> systems(DataScope scope, UUID id) {
		return this.repository.systems(scope, find(scope, id).id());
	}

	public List<String> unitNames(DataScope scope, UUID id) {
		return this.repository.unitNames(scope, find(scope, id).id());
	}

	public List<Inspection.Check> checks(DataScope scope, UUID id) {
		return this.repository.checks(find(scope, id).id());
	}

	/** The Commission records a checklist item's result. */
	@Transactional
	public void check(DataScope scope, UUID id, Integer position, String result) {
		commission(scope);
		Inspection inspection = find(scope, id);
		if (result == null || !Set.of("PASS", "FAIL", "NOT_APPLICABLE").contains(result)) {
			throw InvalidInputException.of("result", "inspection.result.invalid");
		}
		if (position == null || !this.repository.check(inspection.id(), position, result)) {
			throw InvalidInputException.of("position", "inspection.check.unknown");
		}
	}

	/** The active checklist of a classified-protection level (2 or 3). */
	public List<InspectionRepository.ChecklistItem> checklist(int level) {
		return this.repository.items(level);
	}

	/** The Commission adds an item to a level's checklist; later inspections copy it. */
	@Transactional
	public void addItem(DataScope scope, Integer level, String text) {
		commission(scope);
		FieldChecks checks = new FieldChecks();
		if (level == null || (level != 2 && level != 3)) {
			checks.refuse("protectionLevel", "inspection.level.invalid");
		}
		String item = checks.required("text", text, 500);
		checks.check();
		this.repository.addItem(level, item);
	}

	/** The Commission retires an item: inspections already recorded keep it. */
	@Transactional
	public void retireItem(DataScope scope, UUID id) {
		commission(scope);
		if (!this.repository.retireItem(id)) {
			throw new NotFoundException("checklist item", id);
		}
	}

	/** The active suppliers, one of which may be responsible for a finding. */
	public List<Organization> suppliers() {
		return this.organizations.suppliers();
	}

	/** Whether the system is in the inspection's scope (a finding must be). */
	boolean inScope(UUID inspectionId, UUID systemId) {
		return this.repository.inScope(inspectionId, systemId);
	}

	private List<Inspection.ScopedSystem> scopedSystems(FieldChecks checks, List<UUID> ids) {
		List<UUID> asked = (ids != null) ? ids.stream().filter(Objects::nonNull).distinct().toList() : List.of();
		if (asked.size() > MAX_SCOPE) {
			checks.refuse("systemIds", "inspection.scope.tooMany", MAX_SCOPE);
			return List.of();
		}
		List<Inspection.ScopedSystem> scoped = new ArrayList<>();
		for (UUID id : asked) {
			Optional<ApplicationSystem> system = this.systems.lookup(id);
			if (system.isEmpty()) {
				checks.refuse("systemIds", "inspection.system.unknown");
				return List.of();
			}
			scoped.add(new Inspection.ScopedSystem(id, system.get().name(), system.get().unitId(),
					system.get().unitName()));
		}
		return scoped;
	}

	private Set<UUID> scopedUnits(FieldChecks checks, List<UUID> ids, List<Inspection.ScopedSystem> systems) {
		Set<UUID> units = new LinkedHashSet<>();
		List<UUID> asked = (ids != null) ? ids.stream().filter(Objects::nonNull).distinct().toList() : List.of();
		if (asked.size() > MAX_SCOPE) {
			checks.refuse("unitIds", "inspection.scope.tooMany", MAX_SCOPE);
			return units;
		}
		for (UUID id : asked) {
			if (this.organizations.lookup(id).map(Organization::kind).orElse(null) != OrganizationKind.UNIT) {
				checks.refuse("unitIds", "inspection.unit.unknown");
				return units;
			}
			units.add(id);
		}
		systems.forEach((system) -> units.add(system.unitId()));
		if (units.isEmpty() && checks.fine()) {
			checks.refuse("unitIds", "inspection.scope.empty");
		}
		return units;
	}

	/** The Commission keeps inspections; anyone else reads them as not there. */
	static GovCloudPrincipal commission(DataScope scope) {
		GovCloudPrincipal by = scope.principal();
		if (!scope.seesAll() || !by.may(Permission.KEEP_INSPECTIONS)) {
			throw new NotFoundException("inspection", null);
		}
		return by;
	}

}
