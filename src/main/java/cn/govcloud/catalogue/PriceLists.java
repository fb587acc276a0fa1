package cn.govcloud.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.govcloud.audit.AuditOutcome;
import cn.govcloud.audit.AuditTrail;
import cn.govcloud.catalogue.PriceListForm.Line;
import cn.govcloud.organization.Organizations;
import cn.govcloud.shared.CurrentUser;
import cn.govcloud.shared.GovCloudPrincipal;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.InvalidInputException.FieldProblem;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.OrganizationKind;
import cn.govcloud.shared.Page;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tender price lists (Art. 5): recorded whole or not at all by the Commission manager,
 * read by everyone who works with contracts. Nothing is deleted; a later list may
 * supersede an earlier one, whose prices then end where the later ones start.
 */
@Service
class PriceLists {

	private final PriceListRepository repository;

	private final ResourceKinds kinds;

	private final Organizations organizations;

	private final AuditTrail audit;

	PriceLists(PriceListRepository repository, ResourceKinds kinds, Organizations organizations, AuditTrail audit) {
		this.repository = repository;
		this.kinds = kinds;
		this.organizations = organizations;
		this.audit = audit;
	}

	/** Records a list; problems name a line's field as {@code lines[3].unitPrice}. */
	@Transactional
	public UUID create(PriceListForm form) {
		return create(form, FieldNames.JSON, List.of());
	}

	/**
	 * Records a list; {@code names} says how to name a line's field in problems, which
	 * are reported together with {@code earlier} ones (cells of an Excel sheet that could
	 * not be read; the rules say nothing more of those cells).
	 */
	@Transactional
	UUID create(PriceListForm form, FieldNames names, List<FieldProblem> earlier) {
		// One list at a time: the overlap check and the inserts must see each other.
		this.repository.lock();
		boolean supplier = isSupplier(form.supplierId());
		List<FieldProblem> problems = new ArrayList<>(header(form, supplier));
		problems.addAll(earlier);
		List<RecordedLine> recorded = supplier ? this.repository.recorded(form.supplierId()) : List.of();
		if (form.lines().isEmpty()) {
			problems.add(new FieldProblem((names == FieldNames.JSON) ? "lines" : "file", "price.lines.none"));
		}
		else if (form.lines().size() > PriceLineRules.MAX_LINES) {
			problems.add(new FieldProblem("lines", "price.lines.tooMany", PriceLineRules.MAX_LINES));
		}
		else {
			Set<String> named = earlier.stream().map(FieldProblem::field).collect(Collectors.toSet());
			List<FieldProblem> rules = new ArrayList<>(PriceLineRules.check(form.lines(), this.kinds::find, names));
			rules.addAll(PriceOverlaps.againstRecorded(form.lines(), recorded, form.supersedes(), names));
			rules.stream().filter((problem) -> !named.contains(problem.field())).forEach(problems::add);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return record(form, recorded);
	}

	private UUID record(PriceListForm form, List<RecordedLine> recorded) {
		UUID id = UUID.randomUUID();
		this.repository.insert(id, form, CurrentUser.find().map(GovCloudPrincipal::userId).orElse(null));
		Map<RecordedLine, EffectivePeriod> cuts = PriceOverlaps.cuts(form.lines(), recorded, form.supersedes());
		cuts.forEach((line, period) -> this.repository.cutShort(line.id(), period.to(), id));
		try {
			for (Line line : form.lines()) {
				this.repository.insertLine(id, form.supplierId(), line);
			}
		}
		catch (DataIntegrityViolationException ex) {
			// The exclusion constraint: another way in recorded an overlapping price.
			throw InvalidInputException.of("lines", "price.overlap.concurrent");
		}
		this.audit.record("price.list.create", "price-list:" + id + " " + form.tenderNumber(), AuditOutcome.SUCCESS,
				form.lines().size() + " lines" + ((form.supersedes() != null)
						? ", supersedes price-list:" + form.supersedes() + ", " + cuts.size() + " lines cut short"
						: ""));
		return id;
	}

	public PriceList find(UUID id) {
		return this.repository.find(id).orElseThrow(() -> new NotFoundException("price list", id));
	}

	/** Lists matching the filter, newest award first. */
	public Page<PriceListSummary> search(PriceListFilter filter, int page, int size) {
		return search(filter, null, page, size);
	}

	/**
	 * The same in {@code sort}'s order ({@code field,asc|desc}; null: newest award
	 * first).
	 * @throws InvalidInputException naming {@code sort} for a field the list cannot sort
	 * by
	 */
	public Page<PriceListSummary> search(PriceListFilter filter, String sort, int page, int size) {
		Page.Request request = Page.request(page, size, PriceListRepository.SORTABLE.parse(sort));
		return request.of(this.repository.search(filter, PriceListRepository.SORTABLE.orderBy(request.order()),
				request.offset(), request.size()), this.repository.count(filter));
	}

	/** Every list of a supplier with its lines, oldest award first (for the export). */
	public List<PriceList> all(UUID supplierId) {
		return this.repository.ids(supplierId).stream().map(this::find).toList();
	}

	private List<FieldProblem> header(PriceListForm form, boolean supplier) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!supplier) {
			problems.add(new FieldProblem("supplierId", "price.supplier.unknown"));
		}
		if (form.tenderNumber() == null || form.tenderNumber().isEmpty() || form.tenderNumber().length() > 60) {
			problems.add(new FieldProblem("tenderNumber", "error.field.size", 1, 60));
		}
		else if (supplier && this.repository.tenderTaken(form.supplierId(), form.tenderNumber())) {
			problems.add(new FieldProblem("tenderNumber", "price.tender.taken", form.tenderNumber()));
		}
		if (form.awardedOn() == null) {
			problems.add(new FieldProblem("awardedOn", "error.field.required"));
		}
		if (form.note() != null && form.note().length() > 500) {
			problems.add(new FieldProblem("note", "error.field.size", 0, 500));
		}
		if (form.supersedes() != null) {
			Optional<PriceList> earlier = this.repository.find(form.supersedes());
			if (earlier.isEmpty()) {
				problems.add(new FieldProblem("supersedes", "price.supersedes.unknown"));
			}
			else if (!earlier.get().supplierId().equals(form.supplierId())) {
				problems.add(
						new FieldProblem("supersedes", "price.supersedes.otherSupplier", earlier.get().tenderNumber()));
			}
		}
		return problems;
	}

	private boolean isSupplier(UUID organizationId) {
		return organizationId != null && this.organizations.lookup(organizationId)
			.filter((organization) -> organization.kind() == OrganizationKind.SUPPLIER)
			.isPresent();
	}

}
