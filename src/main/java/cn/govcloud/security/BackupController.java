package cn.govcloud.security;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.inventory.OwnedInstance;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.shared.web.PostRedirect;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Backups (Art. 16): each policy with how its runs went in a month (failed and missed
 * periods flagged), the runs, and the supplier's forms — a policy, a CSV of runs, a
 * restore test.
 */
@Controller
@RequestMapping("/backups")
class BackupController {

	private final Backups backups;

	private final DataScopes scopes;

	private final PostRedirect post;

	BackupController(Backups backups, DataScopes scopes, PostRedirect post) {
		this.backups = backups;
		this.scopes = scopes;
		this.post = post;
	}

	@GetMapping
	@Allowed(Permission.READ_BACKUPS)
	String status(@RequestParam(required = false) YearMonth month, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		DataScope scope = this.scopes.current();
		YearMonth shown = month(month);
		model.addAttribute("month", shown);
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("month", shown);
		PageLinks.list(model, "/backups", filters, this.backups.status(scope, null, shown, sort, page, 20));
		if (htmx != null) {
			return "security/backups :: result";
		}
		model.addAttribute("restoreTests", this.backups.restoreTests(scope, null));
		model.addAttribute("frequencies", BackupFrequency.values());
		model.addAttribute("results", BackupResult.values());
		if (scope.principal().may(Permission.KEEP_BACKUPS)) {
			model.addAttribute("policies", this.backups.policies(scope, null, null, 0, 200).items());
			model.addAttribute("coverable", this.backups.coverable(scope));
		}
		model.addAttribute("today", CityTime.today());
		return "security/backups";
	}

	@GetMapping("/runs")
	@Allowed(Permission.READ_BACKUPS)
	String runs(@RequestParam(required = false) BackupResult result, @RequestParam(required = false) String sort,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("result", result);
		model.addAttribute("results", BackupResult.values());
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("result", (result != null) ? result : "");
		PageLinks.list(model, "/backups/runs", filters,
				this.backups.runs(this.scopes.current(), null, result, sort, page, 20));
		return (htmx != null) ? "security/backup-runs :: result" : "security/backup-runs";
	}

	@PostMapping("/policies")
	@Allowed(Permission.KEEP_BACKUPS)
	String createPolicy(@RequestParam(required = false) UUID instanceId,
			@RequestParam(defaultValue = "false") boolean wholeSystem, @RequestParam(required = false) String content,
			@RequestParam(required = false) BackupFrequency frequency, @RequestParam(required = false) String at,
			@RequestParam(required = false) Integer weekday, @RequestParam(required = false) Integer monthDay,
			@RequestParam(required = false) Integer retentionDays, @RequestParam(required = false) String location,
			@RequestParam(defaultValue = "false") boolean encrypted, @RequestParam(required = false) LocalDate startsOn,
			RedirectAttributes redirect) {
		DataScope scope = this.scopes.current();
		return this.post.after("/backups", redirect, () -> {
			UUID systemId = wholeSystem ? this.backups.coverable(scope)
				.stream()
				.filter((i) -> i.id().equals(instanceId))
				.map(OwnedInstance::systemId)
				.findFirst()
				.orElse(null) : null;
			UUID instance = wholeSystem ? null : instanceId;
			this.backups.createPolicy(scope, new BackupPolicyForm(systemId, instance, content, frequency, at, weekday,
					monthDay, retentionDays, location, encrypted, startsOn));
		});
	}

	@PostMapping("/runs/import")
	@Allowed(Permission.KEEP_BACKUPS)
	String importRuns(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		byte[] content = (file != null && !file.isEmpty()) ? file.getBytes() : null;
		try {
			redirect.addFlashAttribute("imported", this.backups.importRuns(this.scopes.current(), content));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errors", cn.govcloud.shared.web.FormErrors.messages(ex));
		}
		return "redirect:/backups/runs";
	}

	@PostMapping("/restore-tests")
	@Allowed(Permission.KEEP_BACKUPS)
	String recordRestoreTest(@RequestParam(required = false) UUID policyId,
			@RequestParam(required = false) LocalDate testedOn, @RequestParam(required = false) BackupResult result,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return this.post.after("/backups", redirect, () -> this.backups.recordRestoreTest(this.scopes.current(),
				new RestoreTestForm(policyId, testedOn, result, note)));
	}

	/** The month asked for, or this month; years outside 2000–2100 are refused. */
	static YearMonth month(YearMonth month) {
		if (month == null) {
			return YearMonth.from(CityTime.today());
		}
		if (month.getYear() < 2000 || month.getYear() > 2100) {
			throw InvalidInputException.of("month", "backup.month.invalid");
		}
		return month;
	}

}
