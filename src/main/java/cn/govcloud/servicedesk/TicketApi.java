package cn.govcloud.servicedesk;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import cn.govcloud.calendar.WorkingCalendars;
import cn.govcloud.shared.Allowed;
import cn.govcloud.shared.AttachedFiles.AttachedFile;
import cn.govcloud.shared.AttachedFiles.StoredFile;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.DataScopes;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.web.FileDownloads;
import cn.govcloud.shared.web.ListParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Service desk", description = "Tickets with service-level clocks, ratings and attainment (Art. 10–12, 19)")
class TicketApi {

	private static final String SORT = ListParameters.SORT
			+ "number, priority, title, systemName, unitName, status, openedAt.";

	private final Tickets tickets;

	private final SlaAttainment attainment;

	private final ServiceTargets targets;

	private final WorkingCalendars calendars;

	private final TicketAttachments attachments;

	private final DataScopes scopes;

	TicketApi(Tickets tickets, SlaAttainment attainment, ServiceTargets targets, WorkingCalendars calendars,
			TicketAttachments attachments, DataScopes scopes) {
		this.tickets = tickets;
		this.attainment = attainment;
		this.targets = targets;
		this.calendars = calendars;
		this.attachments = attachments;
		this.scopes = scopes;
	}

	@GetMapping
	@Allowed(Permission.READ_TICKETS)
	@Operation(summary = "Tickets in the caller's scope, newest first unless sorted; size at most 200 (capped)")
	Page<TicketRow> list(@RequestParam(required = false) TicketStatus status,
			@RequestParam(required = false) Priority priority, @RequestParam(required = false) TicketCategory category,
			@RequestParam(required = false) UUID unitId, @RequestParam(required = false) UUID systemId,
			@RequestParam(required = false) Boolean breached, @RequestParam(required = false) String q,
			@Parameter(description = SORT) @RequestParam(required = false) String sort,
			@Parameter(description = ListParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ListParameters.SIZE) @RequestParam(defaultValue = "20") int size) {
		return this.tickets.search(this.scopes.current(),
				new TicketFilter(status, priority, category, unitId, systemId, breached, q), sort, page, size);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.RAISE_TICKETS)
	@Operation(summary = "Raise a ticket about one of the unit's systems (or one of its hosts)")
	TicketView open(@RequestBody TicketForm form) {
		DataScope scope = this.scopes.current();
		return this.tickets.view(scope, this.tickets.open(scope, form).id());
	}

	@GetMapping("/{id}")
	@Allowed(Permission.READ_TICKETS)
	@Operation(summary = "A ticket with its clocks now, history, followers and ratings")
	TicketView get(@PathVariable UUID id) {
		return this.tickets.view(this.scopes.current(), id);
	}

	@PostMapping("/{id}/acknowledge")
	@Allowed(Permission.HANDLE_TICKETS)
	@Operation(summary = "Take the ticket: the first response (supplier); 409 naming who took it first")
	TicketView acknowledge(@PathVariable UUID id) {
		DataScope scope = this.scopes.current();
		this.tickets.acknowledge(scope, id);
		return this.tickets.view(scope, id);
	}

	@PostMapping("/{id}/start")
	@Allowed(Permission.HANDLE_TICKETS)
	@Operation(summary = "Start work (supplier)")
	TicketView start(@PathVariable UUID id) {
		DataScope scope = this.scopes.current();
		this.tickets.start(scope, id);
		return this.tickets.view(scope, id);
	}

	@PostMapping("/{id}/ask")
	@Allowed(Permission.HANDLE_TICKETS)
	@Operation(summary = "Ask the unit: the resolution clock pauses until it answers (supplier)")
	TicketView ask(@PathVariable UUID id, @RequestBody TextForm form) {
		DataScope scope = this.scopes.current();
		this.tickets.askUnit(scope, id, form.text());
		return this.tickets.view(scope, id);
	}

	@PostMapping("/{id}/resolve")
	@Allowed(Permission.HANDLE_TICKETS)
	@Operation(summary = "Resolve with what was done (supplier)")
	TicketView resolve(@PathVariable UUID id, @RequestBody TextForm form) {
		DataScope scope = this.scopes.current();
		this.tickets.resolve(scope, id, form.text());
		return this.tickets.view(scope, id);
	}

	@PostMapping("/{id}/answer")
	@Allowed(Permission.RAISE_TICKETS)
	@Operation(summary = "Answer the supplier's question: the clock runs again (unit)")
	TicketView answer(@PathVariable UUID id, @RequestBody TextForm form) {
		DataScope scope = this.scopes.current();
		this.tickets.answer(scope, id, form.text());
		return this.tickets.view(scope, id);
	}

	@PostMapping("/{id}/confirm")
	@Allowed(Permission.RAISE_TICKETS)
	@Operation(summary = "Confirm the resolution: the ticket closes (unit)")
	TicketView confirm(@PathVariable UUID id) {
		DataScope scope = this.scopes.current();
		this.tickets.confirm(scope, id);
		return this.tickets.view(scope, id);
	}

	@PostMapping("/{id}/reopen")
	@Allowed(Permission.RAISE_TICKETS)
	@Operation(summary = "Reopen within seven days of the resolution, with a reason (unit)")
	TicketView reopen(@PathVariable UUID id, @RequestBody TextForm form) {
		DataScope scope = this.scopes.current();
		this.tickets.reopen(scope, id, form.text());
		return this.tickets.view(scope, id);
	}

	@PostMapping("/{id}/comments")
	@Allowed(Permission.READ_TICKETS)
	@Operation(summary = "A comment the unit sees, or an internal note only the supplier sees")
	TicketView comment(@PathVariable UUID id, @RequestBody CommentForm form) {
		DataScope scope = this.scopes.current();
		this.tickets.comment(scope, id, form.text(), Boolean.TRUE.equals(form.internal()));
		return this.tickets.view(scope, id);
	}

	@PostMapping("/{id}/rating")
	@Allowed(Permission.RAISE_TICKETS)
	@Operation(summary = "Rate a closed ticket once, 1–5 stars (its raiser and followers)")
	TicketView rate(@PathVariable UUID id, @RequestBody RatingForm form) {
		DataScope scope = this.scopes.current();
		this.tickets.rate(scope, id, form.stars(), form.comment());
		return this.tickets.view(scope, id);
	}

	@PostMapping("/{id}/attachments")
	@ResponseStatus(HttpStatus.CREATED)
	@Allowed(Permission.READ_TICKETS)
	@Operation(summary = "Attach a screenshot or document (PDF, Word, Excel, PNG, JPEG, checked by content; "
			+ "at most 20 MB, ten per ticket)")
	AttachedFile attach(@PathVariable UUID id, @RequestPart("file") MultipartFile file) throws IOException {
		return this.attachments.attach(this.scopes.current(), id, file.getOriginalFilename(), file.getBytes());
	}

	@GetMapping("/{id}/attachments")
	@Allowed(Permission.READ_TICKETS)
	@Operation(summary = "A ticket's attachments")
	List<AttachedFile> attachments(@PathVariable UUID id) {
		return this.attachments.list(this.scopes.current(), id);
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	@Allowed(Permission.READ_TICKETS)
	@Operation(summary = "Download an attachment")
	ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
		StoredFile found = this.attachments.content(this.scopes.current(), id, attachmentId)
			.orElseThrow(() -> new NotFoundException("attachment", attachmentId));
		return FileDownloads.of(found);
	}

	@GetMapping("/attainment")
	@Allowed(Permission.READ_TICKETS)
	@Operation(summary = "Share within target, median and p90 times and breaches per supplier, priority and month")
	List<SlaAttainment.Row> attainment(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) UUID supplierId) {
		int shown = (year != null && year >= 2000 && year <= 2999) ? year : CityTime.today().getYear();
		return this.attainment.year(this.scopes.current(), shown, supplierId);
	}

	@GetMapping("/targets")
	@Allowed(Permission.READ_TICKETS)
	@Operation(summary = "The service-level targets per priority")
	List<ServiceTarget> targets() {
		return this.targets.all();
	}

	@PutMapping("/targets")
	@Allowed(Permission.SET_SERVICE_TARGETS)
	@Operation(summary = "Set every priority's targets (Commission manager); new tickets only")
	List<ServiceTarget> setTargets(@RequestBody List<ServiceTarget> targets) {
		return this.targets.set((targets != null) ? targets : List.of(), this.scopes.current().principal().userId(),
				this.calendars.calendar().workingDay());
	}

	record TextForm(String text) {
	}

	record CommentForm(String text, Boolean internal) {
	}

	record RatingForm(Integer stars, String comment) {
	}

}
