package cn.govcloud.audit;

import java.util.Map;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.Permission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The audit administrator's page of the trail's archives (ADR 0037): each month archived
 * and pruned, its records and file, and a check of the file's signature.
 */
@Controller
@RequestMapping("/audit/archives")
class AuditArchiveController {

	private final AuditArchive archive;

	AuditArchiveController(AuditArchive archive) {
		this.archive = archive;
	}

	@GetMapping
	@Allowed(Permission.READ_AUDIT_TRAIL)
	String list(Model model) {
		model.addAttribute("archives", this.archive.list().stream().map(ArchiveRow::from).toList());
		model.addAttribute("checks", Map.of());
		return "audit/archives";
	}

	/** Checks one archive file; the page shows the result in its row. */
	@PostMapping("/{id}/verification")
	@Allowed(Permission.READ_AUDIT_TRAIL)
	String verify(@PathVariable long id, Model model) {
		ArchiveCheck check = this.archive.verify(id);
		model.addAttribute("archives", this.archive.list().stream().map(ArchiveRow::from).toList());
		model.addAttribute("checks", Map.of(id, check));
		return "audit/archives";
	}

	/** An archive as the page shows it. */
	record ArchiveRow(ArchiveEntry entry, String archivedAt) {

		static ArchiveRow from(ArchiveEntry entry) {
			return new ArchiveRow(entry, AuditRow.format(entry.archivedAt()));
		}

	}

}
