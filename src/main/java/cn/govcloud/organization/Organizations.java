package cn.govcloud.organization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Text;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of organisations (Art. 4). The system administrator registers and edits
 * them; the Commission and the finance bureau exist once each; a unit carries a valid
 * unified social credit code. Organisations are deactivated, never removed.
 */
@Service
public class Organizations {

	private final OrganizationRepository repository;

	private final AuditTrail audit;

	Organizations(OrganizationRepository repository, AuditTrail audit) {
		this.repository = repository;
		this.audit = audit;
	}

	@Transactional
	public Organization register(OrganizationForm form) {
		UUID id = UUID.randomUUID();
		check(form, id, true);
		Organization organization = new Organization(id, form.kind(), form.name(), form.creditCode(),
				form.contactPerson(), form.contactPhone(), true, Instant.now());
		this.repository.insert(organization);
		this.audit.record("organization.register", describe(organization), AuditOutcome.SUCCESS);
		return organization;
	}

	/** Edits name, code and contact; the kind of an organisation never changes. */
	@Transactional
	public Organization update(DataScope scope, UUID id, OrganizationForm form) {
		Organization current = find(scope, id);
		OrganizationForm sameKind = new OrganizationForm(current.kind(), form.name(), form.creditCode(),
				form.contactPerson(), form.contactPhone());
		check(sameKind, id, false);
		Organization updated = new Organization(id, current.kind(), sameKind.name(), sameKind.creditCode(),
				sameKind.contactPerson(), sameKind.contactPhone(), current.active(), current.createdAt());
		this.repository.update(updated);
		this.audit.record("organization.update", describe(updated), AuditOutcome.SUCCESS);
		return updated;
	}

	@Transactional
	public Organization setActive(DataScope scope, UUID id, boolean active) {
		Organization current = find(scope, id);
		if (!active && current.kind() == OrganizationKind.COMMISSION) {
			throw InvalidInputException.of("active", "organization.commission.cannotDeactivate");
		}
		Organization changed = new Organization(id, current.kind(), current.name(), current.creditCode(),
				current.contactPerson(), current.contactPhone(), active, current.createdAt());
		this.repository.update(changed);
		this.audit.record(active ? "organization.activate" : "organization.deactivate", describe(changed),
				AuditOutcome.SUCCESS);
		return changed;
	}

	/**
	 * The organisation, or "not found" when it does not exist or is outside the caller's
	 * scope.
	 */
	public Organization find(DataScope scope, UUID id) {
		return scope.require(this.repository.findById(id), Organization::id, "organization", id);
	}

	/**
	 * Organisations in {@code sort}'s order ({@code field,asc|desc}; null: by kind and
	 * name).
	 * @throws InvalidInputException naming {@code sort} for a field the list cannot sort
	 * by
	 */
	public Page<Organization> search(DataScope scope, OrganizationKind kind, String text, String sort, int page,
			int size) {
		String query = Text.stripToNull(text);
		Page.Request request = Page.request(page, size, OrganizationRepository.SORTABLE.parse(sort));
		return request.of(this.repository.search(scope, kind, query,
				OrganizationRepository.SORTABLE.orderBy(request.order()), request.offset(), request.size()),
				this.repository.count(scope, kind, query));
	}

	/** Active organisations per kind, for dashboards. */
	public Map<OrganizationKind, Long> countByKind() {
		return this.repository.countByKind();
	}

	/**
	 * Every active organisation, for choosing one in a form (all of them, not a page).
	 */
	public java.util.List<Organization> active() {
		return this.repository.active();
	}

	/**
	 * Every organisation of a kind, active or not, by name, named only: the Commission's
	 * utilisation filter and register overview name the city's 1,000 units at every view,
	 * and reading them whole decrypted every contact phone for it (issue 13, ADR 0053).
	 */
	public java.util.List<OrganizationName> names(OrganizationKind kind) {
		return this.repository.names(kind);
	}

	/** The active suppliers, for choosing one (their names are public). */
	public java.util.List<Organization> suppliers() {
		return this.repository.activeOfKind(OrganizationKind.SUPPLIER);
	}

	/** Every organisation of a kind, active or not, by name. */
	public java.util.List<Organization> ofKind(OrganizationKind kind) {
		return this.repository.ofKind(kind);
	}

	/** The Commission (Art. 4), which exists from the first start on. */
	public Organization commission() {
		return this.repository.findByKind(OrganizationKind.COMMISSION)
			.orElseThrow(() -> new IllegalStateException("GovCloud has no Commission yet"));
	}

	/**
	 * Internal lookup without scoping, for other modules' own checks (never shown
	 * unscoped).
	 */
	public java.util.Optional<Organization> lookup(UUID id) {
		return this.repository.findById(id);
	}

	/** Whether an organisation of this id exists and is a supplier (active or not). */
	public boolean isSupplier(UUID id) {
		return id != null && lookup(id).filter((org) -> org.kind() == OrganizationKind.SUPPLIER).isPresent();
	}

	private void check(OrganizationForm form, UUID id, boolean creating) {
		List<FieldProblem> problems = new ArrayList<>();
		if (form.kind() == OrganizationKind.UNIT && form.creditCode() == null) {
			problems.add(new FieldProblem("creditCode", "organization.creditCode.required"));
		}
		if (form.creditCode() != null && !CreditCode.isValid(form.creditCode())) {
			problems.add(new FieldProblem("creditCode", "organization.creditCode.invalid"));
		}
		else if (form.creditCode() != null && this.repository.existsByCreditCode(form.creditCode(), id)) {
			problems.add(new FieldProblem("creditCode", "organization.creditCode.taken"));
		}
		if (this.repository.existsByName(form.name(), id)) {
			problems.add(new FieldProblem("name", "organization.name.taken"));
		}
		if (creating && (form.kind() == OrganizationKind.COMMISSION || form.kind() == OrganizationKind.FINANCE_BUREAU)
				&& this.repository.existsByKind(form.kind())) {
			problems.add(new FieldProblem("kind", "organization.kind.single", form.kind().name()));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static String describe(Organization organization) {
		return "organization:" + organization.id() + " " + organization.name();
	}

}
