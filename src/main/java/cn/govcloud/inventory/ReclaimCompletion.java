package cn.govcloud.inventory;

import java.time.LocalDate;
import java.util.UUID;

import cn.govcloud.systems.ApplicationSystems;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a completed reclaim order sets off (Art. 9): the contract lines end on the reclaim
 * dates (an amendment), the system goes offline when nothing of it is left, and
 * {@link ResourcesReclaimed} tells the termination and the unit, after the commit.
 */
@Component
class ReclaimCompletion {

	private final ReclaimAmendments amendments;

	private final ReclaimRepository repository;

	private final ApplicationSystems systems;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	ReclaimCompletion(ReclaimAmendments amendments, ReclaimRepository repository, ApplicationSystems systems,
			ApplicationEventPublisher events, JdbcClient jdbc) {
		this.amendments = amendments;
		this.repository = repository;
		this.systems = systems;
		this.events = events;
		this.jdbc = jdbc;
	}

	void complete(WorkOrder order, UUID by) {
		if (order.terminationId() != null) {
			// An amendment's reclaim order: that amendment already ended the lines.
			this.amendments.amend(order, by);
		}
		boolean empty = this.repository.systemEmpty(order.systemId());
		if (empty) {
			this.systems.markOffline(order.systemId(), "Art. 9: 资源已全部回收 all resources reclaimed");
		}
		LocalDate last = this.jdbc.sql("SELECT max(reclaimed_on) FROM instance WHERE reclaim_order_id = :id")
			.param("id", order.id())
			.query(LocalDate.class)
			.single();
		this.events.publishEvent(new ResourcesReclaimed(order.id(), order.terminationId(), order.contractId(),
				order.unitId(), order.supplierId(), order.systemId(), last, empty));
	}

}
