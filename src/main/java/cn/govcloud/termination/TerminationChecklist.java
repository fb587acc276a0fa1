package cn.govcloud.termination;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.govcloud.inventory.ReclaimOrders;
import cn.govcloud.request.ApplicationFilter;
import cn.govcloud.request.ResourceApplication;
import cn.govcloud.request.ResourceApplications;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.systems.BackupEvidence;

import org.springframework.stereotype.Component;

/**
 * The Art. 9 checklist of a termination application, every problem named by its field:
 * offline (a date, not in the future), the data migrated or backed up (where to, and the
 * evidence file, checked by content), what happens to the system's open resource
 * applications, and resources that can be reclaimed.
 */
@Component
class TerminationChecklist {

	private final BackupEvidence evidence;

	private final ResourceApplications applications;

	private final ReclaimOrders reclaims;

	private final TerminationRepository repository;

	TerminationChecklist(BackupEvidence evidence, ResourceApplications applications, ReclaimOrders reclaims,
			TerminationRepository repository) {
		this.evidence = evidence;
		this.applications = applications;
		this.reclaims = reclaims;
		this.repository = repository;
	}

	/** Every problem of the application; the open applications, for withdrawal. */
	List<ResourceApplication> check(DataScope scope, TerminationForm form, String fileName, byte[] content) {
		List<FieldProblem> problems = new ArrayList<>();
		if (form.offlineOn() == null) {
			problems.add(new FieldProblem("offlineOn", "error.field.required"));
		}
		else if (form.offlineOn().isAfter(CityTime.today())) {
			problems.add(new FieldProblem("offlineOn", "termination.offline.future"));
		}
		if (form.dataHandling() == null) {
			problems.add(new FieldProblem("dataHandling", "error.field.required"));
		}
		if (form.dataLocation() == null || form.dataLocation().length() > 500) {
			problems.add(new FieldProblem("dataLocation", "error.field.size", 1, 500));
		}
		if (form.note() != null && form.note().length() > 2000) {
			problems.add(new FieldProblem("note", "error.field.size", 0, 2000));
		}
		if (content == null || content.length == 0) {
			problems.add(new FieldProblem("file", "termination.evidence.required"));
		}
		else {
			try {
				this.evidence.check(fileName, content);
			}
			catch (InvalidInputException ex) {
				problems.addAll(ex.problems());
			}
		}
		if (this.repository.pending(form.systemId())) {
			problems.add(new FieldProblem("systemId", "termination.pending"));
		}
		problems.addAll(this.reclaims.check(form.systemId(), form.whole(), form.instanceIds()));
		List<ResourceApplication> open = open(scope, form.systemId());
		String numbers = open.stream().map(ResourceApplication::number).collect(Collectors.joining(", "));
		if (!open.isEmpty() && form.openApplications() == null) {
			problems.add(new FieldProblem("openApplications", "termination.openApplications.required", numbers));
		}
		else if (!open.isEmpty() && form.openApplications() == OpenApplications.KEEP && form.whole()) {
			problems.add(new FieldProblem("openApplications", "termination.openApplications.withdrawAll", numbers));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return open;
	}

	/** Stores the checked evidence as the system's next version; returns the version. */
	int storeEvidence(DataScope scope, UUID systemId, String fileName, byte[] content) {
		return this.evidence.upload(scope, systemId, fileName, content).version();
	}

	/**
	 * Withdraws the open applications when the unit says so; returns their numbers, or
	 * {@code null} when none were withdrawn.
	 */
	String settle(DataScope scope, TerminationForm form, List<ResourceApplication> open) {
		if (open.isEmpty() || form.openApplications() != OpenApplications.WITHDRAW) {
			return null;
		}
		open.forEach((a) -> this.applications.withdraw(scope, a.id()));
		return open.stream().map(ResourceApplication::number).collect(Collectors.joining(", "));
	}

	/** The system's applications not yet decided: drafts, submitted, returned. */
	List<ResourceApplication> open(DataScope scope, UUID systemId) {
		return this.applications.search(scope, new ApplicationFilter(null, systemId, null, null), 0, 200)
			.items()
			.stream()
			.filter((a) -> !a.status().fin())
			.toList();
	}

}
