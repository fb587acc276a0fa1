package cn.govcloud.reporting;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.PageLinks;
import cn.govcloud.shared.web.PostRedirect;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The obligation calendar's pages: the list with filters, the month view, an obligation
 * with its steps, and the Commission's rules.
 */
@Controller
@RequestMapping("/obligations")
class ObligationController {

	private final Obligations obligations;

	private final ObligationStore store;

	private final DataScopes scopes;

	private final PostRedirect post;

	ObligationController(Obligations obligations, ObligationStore store, DataScopes scopes, PostRedirect post) {
		this.obligations = obligations;
		this.store = store;
		this.scopes = scopes;
		this.post = post;
	}

	@GetMapping
	@Allowed(Permission.READ_OBLIGATIONS)
	String list(@RequestParam(required = false) ObligationKind kind,
			@RequestParam(required = false) ObligationStatus status, @RequestParam(required = false) YearMonth month,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		ObligationFilter filter = new ObligationFilter(kind, status, month);
		model.addAttribute("filter", filter);
		model.addAttribute("kinds", ObligationKind.values());
		model.addAttribute("statuses", ObligationStatus.values());
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("kind", (kind != null) ? kind : "");
		filters.put("status", (status != null) ? status : "");
		filters.put("month", (month != null) ? month : "");
		PageLinks.list(model, "/obligations", filters,
				this.obligations.search(this.scopes.current(), filter, sort, page, 20));
		return (htmx != null) ? "reporting/obligations :: result" : "reporting/obligations";
	}

	/**
	 * A month as weeks of days (Monday first), each day with the obligations due on it.
	 */
	@GetMapping("/calendar")
	@Allowed(Permission.READ_OBLIGATIONS)
	String calendar(@RequestParam(required = false) YearMonth month, Model model) {
		YearMonth shown = (month != null) ? month : YearMonth.from(CityTime.today());
		Page<Obligation> due = this.obligations.search(this.scopes.current(), new ObligationFilter(null, null, shown),
				"dueOn,asc", 0, Page.MAX_SIZE);
		List<List<Day>> weeks = new ArrayList<>();
		LocalDate day = shown.atDay(1).minusDays(shown.atDay(1).getDayOfWeek().getValue() - 1);
		while (!day.isAfter(shown.atEndOfMonth())) {
			List<Day> week = new ArrayList<>();
			for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
				LocalDate date = day;
				week.add(new Day(date, YearMonth.from(date).equals(shown),
						due.items().stream().filter((o) -> o.dueOn().equals(date)).toList()));
			}
			weeks.add(week);
		}
		model.addAttribute("month", shown);
		model.addAttribute("weeks", weeks);
		model.addAttribute("more", due.total() > due.items().size());
		return "reporting/calendar";
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_OBLIGATIONS)
	String show(@PathVariable UUID id, Model model) {
		Obligation obligation = this.obligations.find(this.scopes.current(), id);
		model.addAttribute("o", obligation);
		model.addAttribute("supplierSide", this.scopes.current().principal().may(Permission.SUBMIT_OBLIGATIONS));
		return "reporting/obligation";
	}

	@PostMapping("/{id}/submission")
	@Allowed(Permission.SUBMIT_OBLIGATIONS)
	String submit(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String note, RedirectAttributes redirect) throws IOException {
		byte[] content = (file != null) ? file.getBytes() : null;
		String name = (file != null) ? file.getOriginalFilename() : null;
		return this.post.after("/obligations/" + id, redirect,
				() -> this.obligations.submit(this.scopes.current(), id, note, name, content));
	}

	@PostMapping("/{id}/accept")
	@Allowed(Permission.DECIDE_OBLIGATIONS)
	String accept(@PathVariable UUID id, RedirectAttributes redirect) {
		return this.post.after("/obligations/" + id, redirect,
				() -> this.obligations.accept(this.scopes.current(), id));
	}

	@PostMapping("/{id}/return")
	@Allowed(Permission.DECIDE_OBLIGATIONS)
	String giveBack(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return this.post.after("/obligations/" + id, redirect,
				() -> this.obligations.giveBack(this.scopes.current(), id, reason));
	}

	@GetMapping("/rules")
	@Allowed(Permission.READ_OBLIGATIONS)
	String rules(Model model) {
		model.addAttribute("rules", this.store.rules());
		model.addAttribute("periods", ObligationRule.Period.values());
		return "reporting/rules";
	}

	@PostMapping("/rules")
	@Allowed(Permission.KEEP_OBLIGATION_RULES)
	String saveRule(@RequestParam(required = false) ObligationKind kind,
			@RequestParam(required = false) ObligationRule.Period period,
			@RequestParam(required = false) Integer dueWorkingDay, RedirectAttributes redirect) {
		return this.post.after("/obligations/rules", redirect, () -> {
			if (kind == null || period == null || dueWorkingDay == null || dueWorkingDay < 1 || dueWorkingDay > 60) {
				throw InvalidInputException.of((kind == null) ? "kind" : (period == null) ? "period" : "dueWorkingDay",
						"obligation.rule.invalid");
			}
			this.store.saveRule(new ObligationRule(kind, period, dueWorkingDay),
					this.scopes.current().principal().userId());
		});
	}

	/** A day of the month view. */
	record Day(LocalDate date, boolean inMonth, List<Obligation> due) {
	}

}
