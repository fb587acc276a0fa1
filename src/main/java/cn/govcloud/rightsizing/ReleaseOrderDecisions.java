package cn.govcloud.rightsizing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.govcloud.shared.CityTime;
import cn.govcloud.shared.ConflictException;
import cn.govcloud.shared.DataScope;
import cn.govcloud.shared.Decisions;
import cn.govcloud.shared.DocumentType;
import cn.govcloud.shared.InvalidInputException;
import cn.govcloud.shared.NotFoundException;
import cn.govcloud.shared.Permission;
import cn.govcloud.shared.StateChange;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The decisions on a release order (Art. 8): the unit accepts or objects (with a reason
 * and an optional document); unanswered it lapses into standing, checked hourly
 * ({@code govcloud.rightsizing.lapse-interval}); the Commission upholds, modifies or
 * withdraws an objected one. The order decides, {@link Decisions} persists: of two
 * decisions at once one wins, the other is told who decided first.
 */
@Service
public class ReleaseOrderDecisions {

	static final DataSize MAX_DOCUMENT = DataSize.ofMegabytes(20);

	private final ReleaseOrderRepository repository;

	private final ReleaseOrders orders;

	private final Decisions decisions;

	private final TransactionTemplate transactions;

	ReleaseOrderDecisions(ReleaseOrderRepository repository, ReleaseOrders orders, Decisions decisions,
			TransactionTemplate transactions) {
		this.repository = repository;
		this.orders = orders;
		this.decisions = decisions;
		this.transactions = transactions;
	}

	@Transactional
	public ReleaseOrder accept(DataScope scope, UUID id) {
		ReleaseOrder order = ownOrder(scope, id);
		persist(order.accept(scope.principal().displayName(), scope.principal().userId(), now(), CityTime.today()));
		return this.repository.findById(id).orElseThrow();
	}

	/** The unit objects; the document, if any, must be a document type within 20 MB. */
	@Transactional
	public ReleaseOrder object(DataScope scope, UUID id, String reason, String fileName, byte[] document) {
		ReleaseOrder order = ownOrder(scope, id);
		String text = cn.govcloud.shared.Text.stripToNull(reason);
		if (text != null && text.length() > 2000) {
			throw InvalidInputException.of("reason", "error.field.size", 1, 2000);
		}
		boolean attached = document != null && document.length > 0;
		if (attached) {
			DocumentType.checked(fileName, document, MAX_DOCUMENT);
		}
		persist(order.object(text, scope.principal().displayName(), scope.principal().userId(), now(),
				CityTime.today()));
		if (attached) {
			this.repository.attach(id, fileName, document);
		}
		return this.repository.findById(id).orElseThrow();
	}

	/**
	 * The Commission decides on an objection; a modification gives new vCPU and memory by
	 * line position.
	 */
	@Transactional
	public ReleaseOrder decide(DataScope scope, UUID id, OrderStatus decision, String reason,
			Map<Integer, Map<String, Long>> modified) {
		if (!scope.principal().may(Permission.MANAGE_RIGHTSIZING)) {
			throw new NotFoundException("order", id);
		}
		ReleaseOrder order = this.orders.find(scope, id);
		String text = cn.govcloud.shared.Text.stripToNull(reason);
		if (text != null && text.length() > 2000) {
			throw InvalidInputException.of("reason", "error.field.size", 1, 2000);
		}
		List<OrderLine> lines = (decision == OrderStatus.MODIFIED) ? OrderModification.apply(order, modified) : null;
		persist(order.decide(decision, text, scope.principal().displayName(), scope.principal().userId(), now(),
				CityTime.today()));
		if (lines != null) {
			this.repository.replaceLines(id, lines);
		}
		return this.repository.findById(id).orElseThrow();
	}

	/** The objection's document; none reads as not found. */
	byte[] document(ReleaseOrder order) {
		return this.repository.document(order.id()).orElseThrow(() -> new NotFoundException("document", order.id()));
	}

	@Scheduled(fixedDelayString = "${govcloud.rightsizing.lapse-interval:1h}", initialDelayString = "90s")
	void hourly() {
		lapseDue(CityTime.today());
	}

	/**
	 * Every issued order whose objection period ended before {@code today} stands, each
	 * in its own transaction; one the unit answered meanwhile is left as answered.
	 * @return how many lapsed
	 */
	public int lapseDue(LocalDate today) {
		int lapsed = 0;
		for (UUID id : this.repository.lapsing(today)) {
			try {
				this.transactions.executeWithoutResult(
						(status) -> persist(this.repository.findById(id).orElseThrow().lapse(now(), today)));
				lapsed++;
			}
			catch (ConflictException ex) {
				// the unit answered between the query and the update: its answer stands
			}
		}
		return lapsed;
	}

	private ReleaseOrder ownOrder(DataScope scope, UUID id) {
		ReleaseOrder order = this.orders.find(scope, id);
		if (!order.unitId().equals(scope.principal().organizationId())
				|| !scope.principal().may(Permission.ANSWER_RELEASE_ORDERS)) {
			throw new NotFoundException("order", id);
		}
		return order;
	}

	private void persist(StateChange<ReleaseOrderChanged> change) {
		this.decisions.persist(ReleaseOrderRepository.LEDGER, change,
				() -> this.repository.findById(change.id()).orElseThrow());
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
