package cn.govcloud.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.ServedUnits;
import cn.govcloud.systems.ApplicationSystem;
import cn.govcloud.systems.ApplicationSystems;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A finding as the Commission records it (Art. 14): on a system in the inspection's
 * scope, rectified by the system's unit or by a supplier serving that unit, with the
 * deadline its severity gives.
 */
@Component
class FindingOpening {

	private final Inspections inspections;

	private final ApplicationSystems systems;

	private final Organizations organizations;

	private final ObjectProvider<ServedUnits> served;

	private final InspectionSettings settings;

	FindingOpening(Inspections inspections, ApplicationSystems systems, Organizations organizations,
			ObjectProvider<ServedUnits> served, InspectionSettings settings) {
		this.inspections = inspections;
		this.systems = systems;
		this.organizations = organizations;
		this.served = served;
		this.settings = settings;
	}

	/** The finding checked field by field, numbered by {@code number}. */
	Finding open(DataScope scope, UUID inspectionId, FindingForm form, String number) {
		Inspection inspection = this.inspections.find(scope, inspectionId);
		FieldChecks checks = new FieldChecks();
		FindingSeverity severity = checks.present("severity", form.severity());
		String description = checks.required("description", form.description(), Finding.TEXT_LIMIT);
		ApplicationSystem system = null;
		if (checks.present("systemId", form.systemId()) != null) {
			system = this.systems.lookup(form.systemId())
				.filter((s) -> this.inspections.inScope(inspection.id(), s.id()))
				.orElse(null);
			if (system == null) {
				checks.refuse("systemId", "finding.system.notInScope");
			}
		}
		Responsible responsible = checks.present("responsible", form.responsible());
		UUID supplier = null;
		if (responsible == Responsible.SUPPLIER) {
			supplier = checks.present("supplierId", form.supplierId());
			if (supplier != null && (!this.organizations.isSupplier(supplier)
					|| (system != null && !serves(supplier, system.unitId())))) {
				checks.refuse("supplierId", "finding.supplier.notServing");
			}
		}
		checks.check();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		return new Finding(UUID.randomUUID(), number, inspection.id(), severity, system.id(), system.name(),
				system.unitId(), responsible, supplier, description, this.settings.deadline(severity, CityTime.today()),
				FindingStatus.OPEN, null, null, null, null, null, null, now);
	}

	private boolean serves(UUID supplier, UUID unit) {
		ServedUnits units = this.served.getIfAvailable();
		return units == null || units.servedBy(supplier).contains(unit);
	}

}
