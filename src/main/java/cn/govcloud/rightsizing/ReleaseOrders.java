package cn.govcloud.rightsizing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import cn.govcloud.calendar.WorkingCalendars;
import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Page;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.StateChange.History;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Commission issues release orders (Art. 8) from recommendations of one unit; the
 * unit may object until the objection period (working days of the city's calendar,
 * {@code govcloud.rightsizing.objection-working-days}) ends. Reads are scoped: the
 * Commission every order, a unit its own.
 */
@Service
public class ReleaseOrders {

	private final ReleaseOrderRepository repository;

	private final Recommendations recommendations;

	private final WorkingCalendars calendars;

	private final ModeChoice modes;

	private final Decisions decisions;

	private final ApplicationEventPublisher events;

	ReleaseOrders(ReleaseOrderRepository repository, Recommendations recommendations, WorkingCalendars calendars,
			ModeChoice modes, Decisions decisions, ApplicationEventPublisher events) {
		this.repository = repository;
		this.recommendations = recommendations;
		this.calendars = calendars;
		this.modes = modes;
		this.decisions = decisions;
		this.events = events;
	}

	/**
	 * An order of these recommendations, all of one unit, each actionable and of an
	 * instance in no other order that is not withdrawn.
	 */
	@Transactional
	public ReleaseOrder issue(DataScope scope, List<UUID> recommendationIds) {
		return issue(scope, recommendationIds, CityTime.today());
	}

	/**
	 * {@link #issue(DataScope, List)} on a given day (the objection period starts then).
	 */
	@Transactional
	public ReleaseOrder issue(DataScope scope, List<UUID> recommendationIds, LocalDate today) {
		if (!scope.principal().may(Permission.MANAGE_RIGHTSIZING)) {
			throw new NotFoundException("recommendation", recommendationIds);
		}
		List<RecommendationView> chosen = chosen(scope, recommendationIds);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		List<OrderLine> lines = new ArrayList<>();
		for (RecommendationView r : chosen) {
			lines.add(new OrderLine(lines.size() + 1, r.id(), r.instanceId(), r.instanceName(), r.kind(), r.action(),
					r.currentSpec(), (r.action() == Action.RELEASE) ? null : r.recommendedSpec(), r.unitPrices(),
					r.monthlySaving()));
		}
		// Art. 8: the unit may object within the period, counted in the city's working
		// days
		LocalDate due = this.calendars.calendar().plusWorkingDays(today, this.modes.settings().objectionWorkingDays());
		ReleaseOrder order = new ReleaseOrder(UUID.randomUUID(), this.repository.nextNumber(today.getYear()),
				chosen.get(0).unitId(), OrderStatus.ISSUED, scope.principal().displayName(), now, due, null, null, null,
				null, null, null, null, null, OrderLine.total(lines), lines);
		this.repository.insert(order);
		this.decisions.record(ReleaseOrderRepository.LEDGER, order.id(),
				new History("issued", scope.principal().userId(), null, now));
		this.events
			.publishEvent(new ReleaseOrderChanged(order.id(), order.number(), order.unitId(), OrderStatus.ISSUED));
		return this.repository.findById(order.id()).orElseThrow();
	}

	/**
	 * The contracts an order in the caller's scope amended when carried out, with the
	 * amount billed before and after (the realised saving); empty before.
	 */
	List<CarriedOut> carriedOut(ReleaseOrder order) {
		return this.repository.carriedOut(order.id());
	}

	/** An order in the caller's scope; out of scope reads as not found. */
	public ReleaseOrder find(DataScope scope, UUID id) {
		return scope.require(this.repository.findById(id), ReleaseOrder::unitId, "order", id);
	}

	/**
	 * The orders in the caller's scope (of one status when given), newest first unless
	 * sorted.
	 * @throws InvalidInputException naming {@code sort} for a field the list cannot sort
	 * by
	 */
	public Page<ReleaseOrder> search(DataScope scope, OrderStatus status, String sort, int page, int size) {
		return this.repository.search(scope, status, sort, page, size);
	}

	private List<RecommendationView> chosen(DataScope scope, List<UUID> ids) {
		if (ids == null || ids.isEmpty()) {
			throw InvalidInputException.of("recommendationIds", "rightsizing.order.none");
		}
		List<RecommendationView> chosen = new ArrayList<>();
		for (UUID id : new LinkedHashSet<>(ids)) {
			RecommendationView r = this.recommendations.find(scope, id);
			if (!r.action().actionable()) {
				throw InvalidInputException.of("recommendationIds", "rightsizing.order.notActionable",
						r.instanceName());
			}
			if (!r.unitId().equals(chosen.isEmpty() ? r.unitId() : chosen.get(0).unitId())) {
				throw InvalidInputException.of("recommendationIds", "rightsizing.order.oneUnit");
			}
			chosen.add(r);
		}
		List<UUID> ordered = this.repository.ordered(chosen.stream().map(RecommendationView::instanceId).toList());
		if (!ordered.isEmpty()) {
			throw InvalidInputException.of("recommendationIds", "rightsizing.order.alreadyOrdered",
					chosen.stream()
						.filter((r) -> ordered.contains(r.instanceId()))
						.findFirst()
						.orElseThrow()
						.instanceName());
		}
		return chosen;
	}

}
